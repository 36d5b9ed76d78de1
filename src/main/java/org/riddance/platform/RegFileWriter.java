package org.riddance.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a registry key and everything under it as regedit's own export does ("Windows Registry Editor
 * Version 5.00", UTF-16LE with a byte-order mark, CRLF), so the file can be merged back with regedit or
 * {@code reg import} and read again by {@link RegFileParser}.
 */
public final class RegFileWriter {

    private RegFileWriter() {
    }

    public static byte[] export(RegistryView registry, String keyPath) {
        StringBuilder text = new StringBuilder("Windows Registry Editor Version 5.00\r\n");
        writeKey(registry, keyPath, text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    private static void writeKey(RegistryView registry, String keyPath, StringBuilder text) {
        text.append("\r\n[").append(keyPath).append("]\r\n");
        Map<String, RegistryValue> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.putAll(registry.values(keyPath));
        for (Map.Entry<String, RegistryValue> entry : values.entrySet()) {
            text.append(entry.getKey().isEmpty() ? "@" : quoted(entry.getKey()))
                    .append('=').append(data(entry.getValue())).append("\r\n");
        }
        registry.subkeys(keyPath).stream().sorted(String.CASE_INSENSITIVE_ORDER)
                .forEach(sub -> writeKey(registry, keyPath + "\\" + sub, text));
    }

    private static String data(RegistryValue value) {
        return switch (value.type()) {
            case SZ -> quoted(value.asText());
            case DWORD -> String.format("dword:%08x", ((Number) value.data()).longValue() & 0xFFFFFFFFL);
            case QWORD -> hex("hex(b):", littleEndian(((Number) value.data()).longValue()));
            case EXPAND_SZ -> hex("hex(2):", utf16z(value.asText()));
            case MULTI_SZ -> hex("hex(7):", multi(value.asList()));
            case BINARY -> hex("hex:", bytes(value));
            case NONE -> hex("hex(0):", bytes(value));
        };
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static byte[] bytes(RegistryValue value) {
        return value.data() instanceof byte[] b ? b : new byte[0];
    }

    private static byte[] littleEndian(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private static byte[] utf16z(String s) {
        return (s + '\0').getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] multi(List<String> parts) {
        StringBuilder joined = new StringBuilder();
        parts.forEach(p -> joined.append(p).append('\0'));
        return (joined.toString() + '\0').getBytes(StandardCharsets.UTF_16LE);
    }

    private static String hex(String prefix, byte[] bytes) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < bytes.length; i++) {
            out.append(i == 0 ? "" : ",").append(String.format("%02x", bytes[i]));
        }
        return out.toString();
    }
}
