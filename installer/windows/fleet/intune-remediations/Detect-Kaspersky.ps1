<#
.SYNOPSIS
    Intune Remediations detection script: is anything banned (Kaspersky) on this PC?

.DESCRIPTION
    Runs `riddance-cli.exe scan --json` and answers the way Remediations reads a detection script: exit 1 means
    "issue found, run the remediation script", any other exit means "no issue". So:
      riddance 0 (nothing banned, every source read)  -> exit 0
      riddance 1 (banned products found)              -> exit 1
      riddance 2 (error), or Riddance missing         -> exit 1: a scan that could not finish is never "clean";
                                                         the remediation then runs and reports what is wrong.
    Intune keeps the last line of output (at most 2,048 characters), so exactly one line is written.
    Upload settings: run as SYSTEM (not the logged-on user), 64-bit PowerShell, no signature check unless signed.

    Microsoft: "A remediation script only runs if the detection script uses exit code exit 1" and "The maximum
    allowed output size limit is 2048 characters" (learn.microsoft.com/mem/analytics/remediations, Script requirements).
#>
param(
    # Intune passes no parameters: edit the default here before uploading if Riddance lives elsewhere.
    # ProgramW6432: the 64-bit Program Files even when a 32-bit PowerShell runs this.
    [string]$RiddanceCli = (Join-Path $(if ($env:ProgramW6432) { $env:ProgramW6432 } else { $env:ProgramFiles }) 'Riddance\riddance-cli.exe')
)

function Write-Line([string]$Text) {
    $line = ($Text -replace '\s+', ' ').Trim()
    if ($line.Length -gt 2048) { $line = $line.Substring(0, 2045) + '...' }
    Write-Output $line
}

# Remediate-Kaspersky.ps1 leaves the fleet key on the PC only while Riddance's start-up task (\Riddance\Resume) still
# has to sign after a restart; once that is done, it goes here (the remediation itself may never run again).
function Remove-SpentFleetKey {
    $keyDir = Join-Path $env:ProgramData 'Riddance\fleet-key'
    if ((Test-Path -LiteralPath $keyDir) -and
        -not (Get-ScheduledTask -TaskPath '\Riddance\' -TaskName 'Resume' -ErrorAction SilentlyContinue)) {
        Remove-Item -LiteralPath $keyDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

if (-not (Test-Path -LiteralPath $RiddanceCli -PathType Leaf)) {
    Write-Line "Riddance is not installed ($RiddanceCli): cannot tell whether Kaspersky is here. Deploy the Riddance app first."
    exit 1
}

# Progress and log lines go to stderr; Intune must not see them, and Windows PowerShell 5.1 would turn them into
# error records, so they are dropped here (Riddance keeps its own log in %ProgramData%\Riddance\logs).
$ErrorActionPreference = 'Continue'
$scanArguments = @('scan', '--json')
$output = & $RiddanceCli @scanArguments 2>$null
$riddanceExit = $LASTEXITCODE
$json = $null
try { $json = ($output -join "`n") | ConvertFrom-Json } catch { $json = $null }

switch ($riddanceExit) {
    0 {
        Remove-SpentFleetKey
        Write-Line "Clean: nothing banned found on $env:COMPUTERNAME."
        exit 0
    }
    1 {
        $names = @()
        if ($json -and $json.findings) { $names = @($json.findings | ForEach-Object { $_.product } | Select-Object -Unique) }
        Write-Line ("Banned: {0} product(s) on {1}: {2}" -f $names.Count, $env:COMPUTERNAME, ($names -join '; '))
        exit 1
    }
    default {
        $message = if ($json -and $json.message) { $json.message }
                   elseif ($json -and $json.sourcesFailed) { "$(@($json.sourcesFailed).Count) source(s) could not be read" }
                   else { ($output | Select-Object -Last 1) }
        Write-Line "Scan did not finish (riddance exit $riddanceExit): $message"
        exit 1
    }
}
