<#
.SYNOPSIS
    Intune Remediations remediation script (also PDQ Deploy, a GPO start-up script and the Win32 app's Install.cmd):
    runs Riddance's unattended flow and copies the signed receipt to a share.

.DESCRIPTION
    `riddance-cli.exe run --unattended`: scan, back up (verified), remove, prove by rescanning, check the replacement
    antivirus (live EICAR test), sign the receipt. Then every receipt in the local outbox is copied to
    <ReceiptShare>\<COMPUTERNAME>\, so receipts signed by a run that finished after a restart go too.

    Secrets: the passphrase is never a parameter or in this file (Intune and PDQ log both; Microsoft: "Do not include
    any type of sensitive information in scripts"). It is a file, first line, that only SYSTEM and Administrators can
    read: on a share the computer accounts can read, or put on the PC by the Win32 app. The key and passphrase are
    copied to %ProgramData%\Riddance\fleet-key (SYSTEM and Administrators only) for the run and removed when a receipt
    is signed; when removal needs a restart they stay, because the run Riddance registers for start-up
    (Task Scheduler \Riddance\Resume, as SYSTEM) needs them to sign.

    Exit: 0 PASS; 3010 a restart is owed (nothing is restarted here: the run carries on at the next start-up);
    1 anything else (signed but not PASS, error, receipt not copied). The last line of output is the one Intune
    shows (at most 2,048 characters): Riddance's own summary, e.g. "PASS R-... sha256 ...".
    Windows PowerShell 5.1 or later; run as SYSTEM, 64-bit.
#>
param(
    # Intune Remediations pass no parameters: set these defaults before uploading. PDQ and GPO can pass them.
    [string]$ReceiptShare = '\\server\riddance-receipts$',
    [string]$Technician = 'Fleet run',
    [string]$TechnicianId = '',
    [string]$Site = 'Head office',
    [string]$Ticket = '',
    [string]$KeyPath = '\\server\riddance-key$\fleet.p12',
    [string]$PassphraseFile = '\\server\riddance-key$\fleet.pass',
    [string]$BackupTo = (Join-Path $env:ProgramData 'Riddance\backups'),
    [string]$RiddanceCli = (Join-Path $(if ($env:ProgramW6432) { $env:ProgramW6432 } else { $env:ProgramFiles }) 'Riddance\riddance-cli.exe'),
    [switch]$NoEicar,
    # Keep the receipts on the PC only (%ProgramData%\Riddance\outbox): the Win32 app, PCs with no share.
    [switch]$LocalOnly
)

$ErrorActionPreference = 'Stop'
$data = Join-Path $env:ProgramData 'Riddance'
$outbox = Join-Path $data 'outbox'
$keyDir = Join-Path $data 'fleet-key'

function Exit-WithLine([int]$Code, [string]$Text) {
    $line = ($Text -replace '\s+', ' ').Trim()
    if ($line.Length -gt 2048) { $line = $line.Substring(0, 2045) + '...' }
    Write-Output $line
    exit $Code
}

# Only SYSTEM and the Administrators group, nothing inherited: icacls by well-known SID (any Windows language).
function Protect-Folder([string]$Path) {
    New-Item -ItemType Directory -Force -Path $Path | Out-Null
    & icacls.exe $Path '/inheritance:r' '/grant:r' '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-544:(OI)(CI)F' | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "icacls could not restrict $Path (exit $LASTEXITCODE)" }
}

$restartOwed = $false
try {
    if (-not (Test-Path -LiteralPath $RiddanceCli -PathType Leaf)) {
        Exit-WithLine 1 "Riddance is not installed ($RiddanceCli). Deploy the Riddance app first."
    }
    foreach ($value in @($Technician, $TechnicianId, $Site, $Ticket)) {
        # Windows PowerShell 5.1 passes an argument holding a double quote to a program wrongly: refuse it
        if ($value.Contains('"')) { Exit-WithLine 1 "Parameters must not contain double quotes: $value" }
    }
    Protect-Folder $keyDir
    Copy-Item -LiteralPath $KeyPath -Destination (Join-Path $keyDir 'fleet.p12') -Force
    Copy-Item -LiteralPath $PassphraseFile -Destination (Join-Path $keyDir 'fleet.pass') -Force
    New-Item -ItemType Directory -Force -Path $outbox, $BackupTo | Out-Null

    $arguments = @('run', '--unattended',
        '--backup-to', $BackupTo, '--receipt-to', $outbox,
        '--technician', $Technician, '--site', $Site,
        '--key', (Join-Path $keyDir 'fleet.p12'), '--passphrase-file', (Join-Path $keyDir 'fleet.pass'))
    if ($TechnicianId) { $arguments += @('--technician-id', $TechnicianId) }
    if ($Ticket) { $arguments += @('--ticket', $Ticket) }
    if ($NoEicar) { $arguments += '--no-eicar' }

    # Progress goes to stderr and into Riddance's log (%ProgramData%\Riddance\logs); 5.1 would make each stderr
    # line an error record (and stop, under 'Stop'), so it is dropped here.
    $ErrorActionPreference = 'Continue'
    $output = & $RiddanceCli @arguments 2>$null
    $riddanceExit = $LASTEXITCODE
    $ErrorActionPreference = 'Stop'
    $summary = [string]($output | Select-Object -Last 1)
    if (-not $summary) { $summary = "riddance exited $riddanceExit and said nothing: see $data\logs\riddance.log" }

    $restartOwed = $riddanceExit -eq 2 -and $summary.StartsWith('RESTART-NEEDED')
    if (-not $restartOwed) {
        Remove-Item -LiteralPath $keyDir -Recurse -Force  # a receipt was signed, or the run failed: no key left behind
    }

    $copyProblem = ''
    if (-not $LocalOnly) {
        try {
            $target = Join-Path $ReceiptShare $env:COMPUTERNAME
            New-Item -ItemType Directory -Force -Path $target | Out-Null
            Get-ChildItem -LiteralPath $outbox -File |
                Where-Object { $_.Name -match '\.(receipt\.json|receipt\.sig|receipt\.pdf|pub\.pem)$' } |
                Copy-Item -Destination $target -Force
        } catch {
            $copyProblem = " (receipt kept in $outbox, not copied to ${ReceiptShare}: $($_.Exception.Message))"
        }
    }

    if ($restartOwed) { Exit-WithLine 3010 "$summary$copyProblem" }
    if ($riddanceExit -eq 0 -and -not $copyProblem) { Exit-WithLine 0 $summary }
    Exit-WithLine 1 "$summary$copyProblem"
} catch {
    if (-not $restartOwed) { Remove-Item -LiteralPath $keyDir -Recurse -Force -ErrorAction SilentlyContinue }
    Exit-WithLine 1 "Riddance remediation failed on ${env:COMPUTERNAME}: $($_.Exception.Message)"
}
