package org.riddance.platform;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.ShellAPI;
import com.sun.jna.platform.win32.Shell32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.util.List;

/** Elevation from the process token; relaunch through the UAC prompt ({@code runas} verb). Windows only. */
final class WindowsPrivileges implements Privileges {

    @Override
    public boolean elevated() {
        WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
        if (!Advapi32.INSTANCE.OpenProcessToken(Kernel32.INSTANCE.GetCurrentProcess(), WinNT.TOKEN_QUERY, token)) {
            return false;
        }
        try {
            WinNT.TOKEN_ELEVATION elevation = new WinNT.TOKEN_ELEVATION();
            IntByReference size = new IntByReference();
            return Advapi32.INSTANCE.GetTokenInformation(token.getValue(),
                    WinNT.TOKEN_INFORMATION_CLASS.TokenElevation, elevation, elevation.size(), size)
                    && elevation.TokenIsElevated != 0;
        } finally {
            Kernel32.INSTANCE.CloseHandle(token.getValue());
        }
    }

    @Override
    public boolean canRelaunchElevated() {
        return RunningApplication.codeLocation().isPresent();
    }

    @Override
    public void relaunchElevated(List<String> appArguments) throws IOException {
        List<String> argv = RunningApplication.relaunchArgv(appArguments);
        ShellAPI.SHELLEXECUTEINFO info = new ShellAPI.SHELLEXECUTEINFO();
        info.lpVerb = "runas";
        info.lpFile = argv.get(0);
        info.lpParameters = WindowsCommandLine.join(argv.subList(1, argv.size()));
        info.nShow = WinUser.SW_SHOWNORMAL;
        if (!Shell32.INSTANCE.ShellExecuteEx(info)) {
            throw new IOException("The administrator prompt was declined or failed (error "
                    + Kernel32.INSTANCE.GetLastError() + ")");
        }
    }
}
