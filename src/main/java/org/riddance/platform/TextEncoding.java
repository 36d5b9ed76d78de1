package org.riddance.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How the text of a {@code .reg} file is stored, told apart by its byte-order mark or first bytes. Also decodes
 * the string bytes inside hex values ({@link #utf16le} for version 5, {@link #ansi} for REGEDIT4).
 */
enum TextEncoding {

    /** regedit and {@code reg export} write version 5 files like this, with a byte-order mark. */
    UTF_16LE("UTF-16LE", 2),
    UTF_16BE("UTF-16BE", 2),
    /** UTF-8 announced by a byte-order mark: bytes that are not UTF-8 are an error. */
    UTF_8("UTF-8", 1),
    /**
     * No byte-order mark and not REGEDIT4: hand-written files are UTF-8 or ANSI (Notepad's default for years),
     * so each line is read as UTF-8 when it is valid UTF-8 and as windows-1252 otherwise.
     */
    UTF_8_OR_ANSI("UTF-8", 1),
    /** REGEDIT4 files are ANSI; read as windows-1252. */
    ANSI("windows-1252", 1);

    /** Result of looking at the first bytes of a file. */
    record Detected(TextEncoding encoding, int byteOrderMarkLength) {
    }

    private static final char[] WINDOWS_1252 = windows1252Table();

    private final String displayName;
    private final int unitSize;

    TextEncoding(String displayName, int unitSize) {
        this.displayName = displayName;
        this.unitSize = unitSize;
    }

    /** Bytes per code unit: line breaks are looked for unit by unit. */
    int unitSize() {
        return unitSize;
    }

    String displayName() {
        return displayName;
    }

    /** Whether lines may hold ANSI text, whose code page then has to be told from the bytes. */
    boolean mayBeAnsi() {
        return this == ANSI || this == UTF_8_OR_ANSI;
    }

    static Detected detect(byte[] head, int length) {
        if (startsWith(head, length, 0xFF, 0xFE)) {
            return new Detected(UTF_16LE, 2);
        }
        if (startsWith(head, length, 0xFE, 0xFF)) {
            return new Detected(UTF_16BE, 2);
        }
        if (startsWith(head, length, 0xEF, 0xBB, 0xBF)) {
            return new Detected(UTF_8, 3);
        }
        if (length >= 2 && head[0] != 0 && head[1] == 0) {
            return new Detected(UTF_16LE, 0); // "W\0i\0..." without a mark
        }
        String regedit4 = RegFormat.REGEDIT4.header();
        boolean isRegedit4 = length >= regedit4.length()
                && new String(head, 0, regedit4.length(), StandardCharsets.ISO_8859_1).equals(regedit4);
        return new Detected(isRegedit4 ? ANSI : UTF_8_OR_ANSI, 0);
    }

    /** Decodes one line's bytes, without its line break. */
    String decode(byte[] bytes, int length) throws CharacterCodingException {
        return switch (this) {
            case UTF_16LE -> utf16le(bytes, length);
            case UTF_16BE -> utf16be(bytes, length);
            case ANSI -> ansi(bytes, length);
            case UTF_8 -> strictUtf8(bytes, length);
            case UTF_8_OR_ANSI -> utf8OrAnsi(bytes, length);
        };
    }

    /**
     * UTF-16LE as Windows stores it: unpaired surrogates are kept rather than replaced, and an odd last byte is
     * read as a character of its own instead of being dropped.
     */
    static String utf16le(byte[] bytes, int length) {
        char[] chars = new char[(length + 1) / 2];
        for (int i = 0, c = 0; i < length; i += 2, c++) {
            int high = i + 1 < length ? bytes[i + 1] & 0xFF : 0;
            chars[c] = (char) ((bytes[i] & 0xFF) | high << 8);
        }
        return new String(chars);
    }

    private static String utf16be(byte[] bytes, int length) {
        char[] chars = new char[length / 2];
        for (int i = 0, c = 0; i + 1 < length; i += 2, c++) {
            chars[c] = (char) ((bytes[i] & 0xFF) << 8 | (bytes[i + 1] & 0xFF));
        }
        return new String(chars);
    }

    /** windows-1252 as Windows decodes it, including the five bytes the code page leaves unassigned. */
    static String ansi(byte[] bytes, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = WINDOWS_1252[bytes[i] & 0xFF];
        }
        return new String(chars);
    }

    private static String strictUtf8(byte[] bytes, int length) throws CharacterCodingException {
        if (isAscii(bytes, length)) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, length))
                .toString();
    }

    private static String utf8OrAnsi(byte[] bytes, int length) {
        try {
            return strictUtf8(bytes, length);
        } catch (CharacterCodingException notUtf8) {
            return ansi(bytes, length);
        }
    }

    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int length, int... mark) {
        if (length < mark.length) {
            return false;
        }
        for (int i = 0; i < mark.length; i++) {
            if ((head[i] & 0xFF) != mark[i]) {
                return false;
            }
        }
        return true;
    }

    /** Java leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undecodable; Windows maps them to U+0081 and so on. */
    private static char[] windows1252Table() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        char[] table = new String(all, Charset.forName("windows-1252")).toCharArray();
        for (int i = 0; i < table.length; i++) {
            if (table[i] == '\uFFFD') {
                table[i] = (char) i;
            }
        }
        return table;
    }
}
