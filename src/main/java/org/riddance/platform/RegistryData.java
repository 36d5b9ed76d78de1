package org.riddance.platform;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a registry value's raw type code and bytes, as {@code RegEnumValue} returns them, into a
 * {@link RegistryValue}. Works on bytes rather than on JNA's {@code Advapi32Util.registryGetValues} objects
 * because that helper reports REG_EXPAND_SZ as a plain string and throws on REG_NONE with data and on
 * hardware types. The same bytes appear as {@code hex(N):} in a {@code .reg} export.
 */
final class RegistryData {

    // winnt.h; kept here so this class needs no JNA
    static final int REG_NONE = 0;
    static final int REG_SZ = 1;
    static final int REG_EXPAND_SZ = 2;
    static final int REG_BINARY = 3;
    static final int REG_DWORD = 4;
    static final int REG_DWORD_BIG_ENDIAN = 5;
    static final int REG_MULTI_SZ = 7;
    static final int REG_QWORD = 11;

    private RegistryData() {
    }

    /**
     * Strings stay unexpanded, DWORDs become a {@code Long} holding the unsigned 32-bit value. A number too short
     * to hold its type, and any type Riddance has no use for (REG_LINK, resource lists), stays BINARY so nothing
     * is invented.
     */
    static RegistryValue decode(String name, int regType, byte[] raw) {
        return decode(name, regType, raw, RegistryData::utf16);
    }

    /**
     * The same with another text encoding: a REGEDIT4 export writes strings in the PC's ANSI code page. A type
     * code beyond the int range (driver-store property types) stays BINARY.
     */
    static RegistryValue decode(String name, long typeCode, byte[] raw, Function<byte[], String> text) {
        return decode(name, typeCode, raw, raw.length, (bytes, length) -> text.apply(bytes));
    }

    /** How the bytes of a string value become text: UTF-16LE, or an export's ANSI code page. */
    @FunctionalInterface
    interface Text {
        String decode(byte[] bytes, int length);
    }

    /** The same for the first {@code length} bytes of {@code raw}, which is not kept: the parser reuses it. */
    static RegistryValue decode(String name, long typeCode, byte[] raw, int length, Text text) {
        int regType = typeCode >= 0 && typeCode <= Integer.MAX_VALUE ? (int) typeCode : -1;
        return switch (regType) {
            case REG_SZ -> new RegistryValue(name, RegistryValue.Type.SZ, firstString(text.decode(raw, length)));
            case REG_EXPAND_SZ -> new RegistryValue(name, RegistryValue.Type.EXPAND_SZ,
                    firstString(text.decode(raw, length)));
            case REG_MULTI_SZ -> new RegistryValue(name, RegistryValue.Type.MULTI_SZ, strings(text.decode(raw, length)));
            case REG_DWORD, REG_DWORD_BIG_ENDIAN -> length < Integer.BYTES ? binary(name, raw, length)
                    : new RegistryValue(name, RegistryValue.Type.DWORD, Integer.toUnsignedLong(ByteBuffer.wrap(raw)
                            .order(regType == REG_DWORD ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN).getInt()));
            case REG_QWORD -> length < Long.BYTES ? binary(name, raw, length)
                    : new RegistryValue(name, RegistryValue.Type.QWORD,
                            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getLong());
            case REG_NONE -> new RegistryValue(name, RegistryValue.Type.NONE, Arrays.copyOf(raw, length));
            default -> binary(name, raw, length);
        };
    }

    private static RegistryValue binary(String name, byte[] raw, int length) {
        return new RegistryValue(name, RegistryValue.Type.BINARY, Arrays.copyOf(raw, length));
    }

    /** The terminating NUL may be missing or followed by junk. */
    private static String firstString(String text) {
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    /** REG_MULTI_SZ ends at the first empty string, as Windows reads it. */
    private static List<String> strings(String text) {
        List<String> strings = new ArrayList<>();
        for (String part : text.split("\0", -1)) {
            if (part.isEmpty()) {
                break;
            }
            strings.add(part);
        }
        return List.copyOf(strings);
    }

    /** Registry strings are UTF-16LE; an odd trailing byte is dropped. */
    static String utf16(byte[] raw) {
        return new String(Arrays.copyOf(raw, raw.length & ~1), StandardCharsets.UTF_16LE);
    }
}
