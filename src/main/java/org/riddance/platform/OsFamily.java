package org.riddance.platform;

import java.util.Locale;

public enum OsFamily {
    WINDOWS, LINUX, MACOS;

    public static OsFamily current() {
        return fromOsName(System.getProperty("os.name", ""));
    }

    static OsFamily fromOsName(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        return LINUX;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
