package org.riddance.removal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Windows' own id of this boot: {@code NtQuerySystemInformation(SystemBootEnvironmentInformation)} starts with
 * the BootIdentifier GUID the boot loader makes at each start (SYSTEM_BOOT_ENVIRONMENT_INFORMATION, information
 * class 90, as the Windows SDK and the phnt headers declare it). Unlike "now minus uptime", a clock correction
 * or a sleep does not change it.
 */
final class WindowsBoot {

    private static final int SYSTEM_BOOT_ENVIRONMENT_INFORMATION = 90;
    private static final int SIZE = 32; // GUID, FIRMWARE_TYPE, padding, ULONGLONG BootFlags

    interface Ntdll extends StdCallLibrary {
        int NtQuerySystemInformation(int informationClass, Memory buffer, int length, IntByReference returned);
    }

    private WindowsBoot() {
    }

    static Optional<String> identifier() {
        try {
            Ntdll ntdll = Native.load("ntdll", Ntdll.class);
            Memory buffer = new Memory(SIZE);
            buffer.clear();
            int status = ntdll.NtQuerySystemInformation(SYSTEM_BOOT_ENVIRONMENT_INFORMATION, buffer, SIZE,
                    new IntByReference());
            if (status != 0) {
                return Optional.empty();
            }
            return guid(buffer.getByteArray(0, 16));
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An all-zero GUID means the field was not filled: no id rather than one every boot shares. */
    static Optional<String> guid(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return Optional.of(HexFormat.of().formatHex(bytes));
            }
        }
        return Optional.empty();
    }
}
