package org.riddance.platform;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.W32Service;
import com.sun.jna.platform.win32.W32ServiceManager;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The live Windows service control manager (JNA Advapi32): lists services and drivers, and removes one the way
 * Windows means it to go: stop, set to disabled, delete. Start type, image path and group are read from the
 * service's key, which the SCM itself keeps.
 */
final class WindowsServices implements ServiceManager {

    private static final String SERVICES = "SYSTEM\\CurrentControlSet\\Services\\";
    private static final int STOP_WAIT_MILLIS = 30_000;

    /** ChangeServiceConfigW, which JNA's Advapi32 does not declare. */
    interface Scm extends StdCallLibrary {
        Scm INSTANCE = Native.load("advapi32", Scm.class, W32APIOptions.DEFAULT_OPTIONS);
        int SERVICE_NO_CHANGE = 0xFFFFFFFF;

        boolean ChangeServiceConfig(Winsvc.SC_HANDLE service, int type, int startType, int errorControl, String binaryPath,
                                    String loadOrderGroup, IntByReference tagId, String dependencies, String startName,
                                    String password, String displayName);
    }

    @Override
    public List<ServiceInfo> list() throws IOException {
        try (W32ServiceManager scm = new W32ServiceManager(Winsvc.SC_MANAGER_ENUMERATE_SERVICE)) {
            scm.open(Winsvc.SC_MANAGER_ENUMERATE_SERVICE);
            List<ServiceInfo> services = new ArrayList<>();
            for (Winsvc.ENUM_SERVICE_STATUS_PROCESS s : scm.enumServicesStatusExProcess(
                    WinNT.SERVICE_WIN32 | WinNT.SERVICE_DRIVER, Winsvc.SERVICE_STATE_ALL, null)) {
                int state = s.ServiceStatusProcess.dwCurrentState;
                services.add(new ServiceInfo(s.lpServiceName, s.lpDisplayName,
                        state == Winsvc.SERVICE_RUNNING ? ServiceInfo.State.RUNNING
                                : state == Winsvc.SERVICE_STOPPED ? ServiceInfo.State.STOPPED : ServiceInfo.State.UNKNOWN,
                        startMode(start(s.lpServiceName)), text(s.lpServiceName, "ImagePath")));
            }
            return services;
        } catch (Win32Exception e) {
            throw new IOException("The service control manager could not list services: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String name) throws IOException {
        Optional<String> refusal = ServiceRemoval.refusal(name, start(name), text(name, "Group"));
        if (refusal.isPresent()) {
            throw new ServiceRemoval.Refused(refusal.get());
        }
        try (W32ServiceManager scm = new W32ServiceManager(Winsvc.SC_MANAGER_CONNECT)) {
            scm.open(Winsvc.SC_MANAGER_CONNECT);
            try (W32Service service = scm.openService(name, Winsvc.SERVICE_STOP | Winsvc.SERVICE_QUERY_STATUS
                    | Winsvc.SERVICE_CHANGE_CONFIG | WinNT.DELETE)) {
                if (service.queryStatus().dwCurrentState != Winsvc.SERVICE_STOPPED) {
                    service.stopService(STOP_WAIT_MILLIS);
                }
                if (!Scm.INSTANCE.ChangeServiceConfig(service.getHandle(), Scm.SERVICE_NO_CHANGE, WinNT.SERVICE_DISABLED,
                        Scm.SERVICE_NO_CHANGE, null, null, null, null, null, null, null)) {
                    throw new Win32Exception(Kernel32.INSTANCE.GetLastError());
                }
                // marked for deletion; the SCM removes the key once the last handle is closed
                if (!Advapi32.INSTANCE.DeleteService(service.getHandle())) {
                    throw new Win32Exception(Kernel32.INSTANCE.GetLastError());
                }
            }
        } catch (Win32Exception e) {
            if (e.getErrorCode() == com.sun.jna.platform.win32.WinError.ERROR_ACCESS_DENIED) {
                // a security product's self-defence refuses to stop or delete its own services, even for an administrator
                throw new java.nio.file.AccessDeniedException(name, null, "access denied by the service control manager");
            }
            throw new IOException("The service control manager could not remove " + name + ": " + e.getMessage(), e);
        }
    }

    private static long start(String name) {
        try {
            Object v = Advapi32Util.registryGetValue(WinReg.HKEY_LOCAL_MACHINE, SERVICES + name, "Start");
            return v instanceof Number n ? n.longValue() : -1;
        } catch (Win32Exception e) {
            return -1;
        }
    }

    private static String text(String name, String value) {
        try {
            Object v = Advapi32Util.registryGetValue(WinReg.HKEY_LOCAL_MACHINE, SERVICES + name, value);
            return v == null ? "" : v.toString();
        } catch (Win32Exception e) {
            return "";
        }
    }

    static String startMode(long start) {
        return switch ((int) start) {
            case 0 -> "boot";
            case 1 -> "system";
            case 2 -> "auto";
            case 3 -> "manual";
            case 4 -> "disabled";
            default -> "";
        };
    }
}
