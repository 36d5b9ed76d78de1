package org.riddance.platform;

import java.util.Optional;

/**
 * The two {@code .reg} dialects, named by the file's first line. They differ in how strings inside hex values
 * (hex(1), hex(2), hex(7)) are stored: UTF-16LE in version 5, ANSI bytes in REGEDIT4.
 */
enum RegFormat {

    VERSION_5("Windows Registry Editor Version 5.00"),
    REGEDIT4("REGEDIT4");

    private final String header;

    RegFormat(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }

    /** The format whose header this line is; surrounding blanks and letter case are forgiven. */
    static Optional<RegFormat> ofHeader(String line) {
        String trimmed = line.strip();
        for (RegFormat format : values()) {
            if (format.header.equalsIgnoreCase(trimmed)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
