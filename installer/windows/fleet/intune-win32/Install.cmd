@echo off
rem Intune Win32 app install command: Install.cmd (install behaviour: System). Package this folder with
rem IntuneWinAppUtil.exe -c <this folder> -s Install.cmd -o <out>; the folder holds Riddance.msi (renamed from
rem Riddance-<version>.msi), Remediate-Kaspersky.ps1 (a copy of ..\intune-remediations\), fleet.p12 and fleet.pass
rem (the fleet signing key and its passphrase: see ..\README.md for why they travel in the package) and this file.
rem Return codes to set in Intune: 0 success, 3010 soft reboot (Riddance carries on at start-up and signs then),
rem 1 failed. Detection: custom script Detect-PassReceipt.ps1.
setlocal
set "HERE=%~dp0"

msiexec.exe /i "%HERE%Riddance.msi" /qn /norestart /l*v "%ProgramData%\Riddance-msi-install.log"
if errorlevel 3010 if not errorlevel 3011 goto installed
if errorlevel 1 exit /b %errorlevel%
:installed

rem The 64-bit PowerShell even when Intune starts this file as a 32-bit process (then System32 is the 32-bit one).
set "PS=%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe"
if exist "%SystemRoot%\Sysnative\WindowsPowerShell\v1.0\powershell.exe" set "PS=%SystemRoot%\Sysnative\WindowsPowerShell\v1.0\powershell.exe"

rem Site facts: edit them here (Intune's install command line is visible to every admin: no secrets there).
"%PS%" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "%HERE%Remediate-Kaspersky.ps1" -LocalOnly ^
  -Technician "Fleet run (Intune)" -Site "Head office" -KeyPath "%HERE%fleet.p12" -PassphraseFile "%HERE%fleet.pass"
exit /b %errorlevel%
