package org.riddance.platform;

import com.sun.jna.platform.win32.Kernel32Util;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Windows' own words for "the antivirus stopped this": ERROR_VIRUS_INFECTED (225, "the file contains a virus") and
 * ERROR_VIRUS_DELETED (226). Java reports both as a plain FileSystemException carrying only the system's message
 * text, in the PC's language, so the text is compared with what FormatMessage says for those codes here.
 */
public final class VirusBlock {

    static final int ERROR_VIRUS_INFECTED = 225;
    static final int ERROR_VIRUS_DELETED = 226;
    private static volatile List<String> texts;

    private VirusBlock() {
    }

    public static boolean is(IOException e) {
        return OsFamily.current() == OsFamily.WINDOWS && matches(e.getMessage(), systemTexts());
    }

    static boolean matches(String message, List<String> systemTexts) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return systemTexts.stream().map(t -> t.strip().replaceAll("[.\\s]+$", "").toLowerCase(Locale.ROOT))
                .anyMatch(t -> !t.isEmpty() && m.contains(t));
    }

    private static List<String> systemTexts() {
        if (texts == null) {
            List<String> found = new ArrayList<>();
            for (int code : new int[] {ERROR_VIRUS_INFECTED, ERROR_VIRUS_DELETED}) {
                try {
                    found.add(Kernel32Util.formatMessage(code));
                } catch (RuntimeException | LinkageError e) {
                    // no text for it: that code is then not recognised
                }
            }
            texts = List.copyOf(found);
        }
        return texts;
    }
}
