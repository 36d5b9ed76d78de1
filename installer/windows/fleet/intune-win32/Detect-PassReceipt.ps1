<#
.SYNOPSIS
    Intune Win32 app custom detection script: the Riddance app counts as "installed" only once this PC has a PASS
    receipt, i.e. Kaspersky was removed and proven gone and the replacement antivirus passed.

.DESCRIPTION
    Intune's rule for a custom detection script: the app is detected when the script exits 0 AND writes something
    to STDOUT; a non-zero exit, or exit 0 with no output, is "not detected" (learn.microsoft.com/mem/intune/apps/
    apps-win32-add, Step 4: Detection rules). So this script writes one line and exits 0 only for a PASS receipt,
    and otherwise exits 0 silently; it writes nothing to stderr.

    A receipt counts when its signed payload (<id>.receipt.json in %ProgramData%\Riddance\receipts) says
    "result": "pass" and names this PC (machine.host is %COMPUTERNAME% on Windows), so a receipt copied here from
    another PC does not. This is a delivery check, not proof: proof is `riddance verify` with the office's keys.
#>
# Remediate-Kaspersky.ps1 leaves the fleet key on the PC only while Riddance's start-up task (\Riddance\Resume) still
# has to sign after a restart; once that is done, it goes here (the remediation itself may never run again).
function Remove-SpentFleetKey {
    $keyDir = Join-Path $env:ProgramData 'Riddance\fleet-key'
    if ((Test-Path -LiteralPath $keyDir) -and
        -not (Get-ScheduledTask -TaskPath '\Riddance\' -TaskName 'Resume' -ErrorAction SilentlyContinue)) {
        Remove-Item -LiteralPath $keyDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

$receipts = Join-Path $env:ProgramData 'Riddance\receipts'
$files = Get-ChildItem -LiteralPath $receipts -Recurse -File -Filter '*.receipt.json' -ErrorAction SilentlyContinue
foreach ($file in $files) {
    try {
        $receipt = Get-Content -LiteralPath $file.FullName -Raw -Encoding UTF8 -ErrorAction Stop | ConvertFrom-Json
    } catch {
        continue  # not a receipt Riddance wrote: ignored, never an error (stderr would count against detection)
    }
    if ($receipt.result -eq 'pass' -and $receipt.machine.host -eq $env:COMPUTERNAME) {
        Remove-SpentFleetKey
        Write-Output "Riddance PASS receipt $($receipt.id) ($($receipt.end))"
        exit 0
    }
}
exit 0
