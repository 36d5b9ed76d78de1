package org.riddance.platform;

import java.util.Arrays;
import java.util.List;

/** Turns the bytes of a {@code hex(N):} value into the typed value Windows returns for registry type N. */
final class HexValueDecoder {

    static final int REG_NONE = 0;
    static final int REG_SZ = 1;
    static final int REG_EXPAND_SZ = 2;
    static final int REG_BINARY = 3;
    static final int REG_DWORD = 4;
    static final int REG_DWORD_BIG_ENDIAN = 5;
    static final int REG_MULTI_SZ = 7;
    static final int REG_QWORD = 11;

    private HexValueDecoder() {
    }

    /**
     * Numbers of the wrong length and types RegistryValue has no name for (REG_LINK, resource lists, the
     * device-property types in the driver store) stay BINARY with their bytes, so no data is lost.
     */
    static RegistryValue decode(String name, long type, byte[] bytes, RegFormat format) {
        if (type == REG_NONE) {
            return new RegistryValue(name, RegistryValue.Type.NONE, bytes);
        }
        if (type == REG_SZ || type == REG_EXPAND_SZ) {
            RegistryValue.Type text = type == REG_SZ ? RegistryValue.Type.SZ : RegistryValue.Type.EXPAND_SZ;
            return new RegistryValue(name, text, withoutTrailingNuls(format.decodeString(bytes)));
        }
        if (type == REG_MULTI_SZ) {
            return new RegistryValue(name, RegistryValue.Type.MULTI_SZ, strings(format.decodeString(bytes)));
        }
        if ((type == REG_DWORD || type == REG_DWORD_BIG_ENDIAN) && bytes.length == 4) {
            long dword = type == REG_DWORD ? littleEndian(bytes) : bigEndian(bytes);
            return new RegistryValue(name, RegistryValue.Type.DWORD, dword);
        }
        if (type == REG_QWORD && bytes.length == 8) {
            return new RegistryValue(name, RegistryValue.Type.QWORD, littleEndian(bytes));
        }
        return new RegistryValue(name, RegistryValue.Type.BINARY, bytes);
    }

    static String withoutTrailingNuls(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\0') {
            end--;
        }
        return text.substring(0, end);
    }

    /** The strings of a MULTI_SZ; the empty strings its terminator leaves at the end are dropped. */
    private static List<String> strings(String text) {
        String content = withoutTrailingNuls(text);
        return content.isEmpty() ? List.of() : List.copyOf(Arrays.asList(content.split("\0", -1)));
    }

    private static long littleEndian(byte[] bytes) {
        long value = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            value = value << 8 | (bytes[i] & 0xFF);
        }
        return value;
    }

    private static long bigEndian(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = value << 8 | (b & 0xFF);
        }
        return value;
    }
}
