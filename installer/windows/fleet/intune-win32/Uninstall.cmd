@echo off
rem Intune Win32 app uninstall command: Uninstall.cmd. Removes the Riddance program; receipts, back-ups and logs
rem in %ProgramData%\Riddance stay (they are the record of the removal).
msiexec.exe /x "%~dp0Riddance.msi" /qn /norestart
exit /b %errorlevel%
