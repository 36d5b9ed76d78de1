package org.riddance.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes keys and values as regedit exports them ("Windows Registry Editor Version 5.00", UTF-16LE with a
 * byte-order mark), so a value Riddance changes is kept first in a file the technician can double-click to
 * put it back. {@link RegFileParser} reads the result.
 */
public final class RegFileWriter {

    private final StringBuilder text = new StringBuilder(RegFormat.VERSION_5.header()).append("\r\n");

    /** Starts a key section; the values that follow belong to it. */
    public RegFileWriter key(String keyPath) {
        text.append("\r\n[").append(keyPath).append("]\r\n");
        return this;
    }

    public RegFileWriter value(RegistryValue value) {
        String name = value.name().isEmpty() ? "@" : '"' + escape(value.name()) + '"';
        text.append(name).append('=').append(data(value)).append("\r\n");
        return this;
    }

    public RegFileWriter values(String keyPath, Map<String, RegistryValue> values) {
        key(keyPath);
        values.values().forEach(this::value);
        return this;
    }

    /** The file's bytes: BOM, then UTF-16LE text, as regedit writes. */
    public byte[] bytes() {
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer out = ByteBuffer.allocate(body.length + 2);
        out.put((byte) 0xFF).put((byte) 0xFE).put(body);
        return out.array();
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String data(RegistryValue value) {
        return switch (value.type()) {
            case SZ -> '"' + escape(String.valueOf(value.data())) + '"';
            case DWORD -> String.format("dword:%08x", (Long) value.data());
            case EXPAND_SZ -> "hex(2):" + hex(utf16z(String.valueOf(value.data())));
            case MULTI_SZ -> "hex(7):" + hex(multi(value.asList()));
            case QWORD -> "hex(b):" + hex(ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putLong((Long) value.data()).array());
            case BINARY -> "hex:" + hex((byte[]) value.data());
            case NONE -> "hex(0):" + hex((byte[]) value.data());
        };
    }

    private static byte[] utf16z(String s) {
        return (s + '\0').getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] multi(List<String> strings) {
        StringBuilder joined = new StringBuilder();
        strings.forEach(s -> joined.append(s).append('\0'));
        joined.append('\0');
        return joined.toString().getBytes(StandardCharsets.UTF_16LE);
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(String.format("%02x", bytes[i] & 0xff));
        }
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
