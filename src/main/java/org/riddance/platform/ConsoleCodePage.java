package org.riddance.platform;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.win32.StdCallLibrary;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How Windows console programs (sc.exe, schtasks.exe, vendor tools) encode what they print: the console's output
 * code page, or the OEM code page when Riddance has no console (the wizard). That is 437, 850 or 866 on most PCs,
 * not UTF-8, so "Служба" from a Russian Windows is read as written. Elsewhere programs print UTF-8.
 */
final class ConsoleCodePage {

    interface OemCodePage extends StdCallLibrary {
        int GetOEMCP();
    }

    private static volatile Charset charset;

    private ConsoleCodePage() {
    }

    static Charset charset() {
        if (charset == null) {
            charset = OsFamily.current() == OsFamily.WINDOWS ? windows() : StandardCharsets.UTF_8;
        }
        return charset;
    }

    private static Charset windows() {
        try {
            int page = Kernel32.INSTANCE.GetConsoleOutputCP();
            if (page == 0) {
                page = Native.load("kernel32", OemCodePage.class).GetOEMCP();
            }
            return forCodePage(page);
        } catch (LinkageError | RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Java's name for a Windows code page; UTF-8 when Java has none for it. */
    static Charset forCodePage(int page) {
        if (page == 65001) {
            return StandardCharsets.UTF_8;
        }
        for (String name : new String[] {"IBM" + String.format("%03d", page), "windows-" + page, "x-IBM" + page, "Cp" + page}) {
            if (Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return StandardCharsets.UTF_8;
    }
}
