package org.riddance.platform;

import com.sun.jna.platform.win32.COM.COMUtils;
import com.sun.jna.platform.win32.Ole32;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;

/**
 * COM for WMI on this thread. Process-wide security is set once, before the first proxy: without it WMI uses
 * the defaults of whichever DLL touched COM first, and ConnectServer may fail with access denied. The levels
 * are those Microsoft's WMI client example uses (learn.microsoft.com, "Example: Getting WMI Data from the Local
 * Computer"): default authentication, impersonation.
 */
final class Com implements AutoCloseable {

    private static final int RPC_C_AUTHN_LEVEL_DEFAULT = 0;
    private static final int RPC_C_IMP_LEVEL_IMPERSONATE = 3;
    private static final int EOAC_NONE = 0;
    private static boolean securitySet;

    private final boolean initialised;

    private Com() {
        WinNT.HRESULT init = Ole32.INSTANCE.CoInitializeEx(null, Ole32.COINIT_MULTITHREADED);
        initialised = COMUtils.SUCCEEDED(init);
        initialiseSecurity();
    }

    static Com enter() {
        return new Com();
    }

    private static synchronized void initialiseSecurity() {
        if (securitySet) {
            return;
        }
        WinNT.HRESULT hr = Ole32.INSTANCE.CoInitializeSecurity(null, -1, null, null, RPC_C_AUTHN_LEVEL_DEFAULT,
                RPC_C_IMP_LEVEL_IMPERSONATE, null, EOAC_NONE, null);
        // RPC_E_TOO_LATE: someone set it already in this process, which is as good
        securitySet = COMUtils.SUCCEEDED(hr) || hr.intValue() == WinError.RPC_E_TOO_LATE;
    }

    @Override
    public void close() {
        if (initialised) {
            Ole32.INSTANCE.CoUninitialize();
        }
    }
}
