package org.riddance.platform;

import java.util.List;

/** One registry value, typed as Windows types it. */
public record RegistryValue(String name, Type type, Object data) {

    public enum Type { NONE, SZ, EXPAND_SZ, MULTI_SZ, DWORD, QWORD, BINARY }

    /** The value as text: strings as they are, numbers in decimal, multi-strings joined by newlines. */
    public String asText() {
        if (data instanceof List<?> list) {
            return String.join("\n", list.stream().map(String::valueOf).toList());
        }
        if (data instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder();
            for (byte b : bytes) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        }
        return String.valueOf(data);
    }

    @SuppressWarnings("unchecked")
    public List<String> asList() {
        return data instanceof List<?> ? (List<String>) data : List.of(asText());
    }
}
