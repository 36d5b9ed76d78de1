package org.riddance.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Splits registry key paths into names, spells the hive in full and folds case the way Windows compares names. */
final class RegistryNames {

    private static final Map<String, String> HIVES = Map.ofEntries(
            Map.entry("HKEY_LOCAL_MACHINE", "HKEY_LOCAL_MACHINE"),
            Map.entry("HKLM", "HKEY_LOCAL_MACHINE"),
            Map.entry("HKEY_CURRENT_USER", "HKEY_CURRENT_USER"),
            Map.entry("HKCU", "HKEY_CURRENT_USER"),
            Map.entry("HKEY_CLASSES_ROOT", "HKEY_CLASSES_ROOT"),
            Map.entry("HKCR", "HKEY_CLASSES_ROOT"),
            Map.entry("HKEY_USERS", "HKEY_USERS"),
            Map.entry("HKU", "HKEY_USERS"),
            Map.entry("HKEY_CURRENT_CONFIG", "HKEY_CURRENT_CONFIG"),
            Map.entry("HKCC", "HKEY_CURRENT_CONFIG"),
            Map.entry("HKEY_PERFORMANCE_DATA", "HKEY_PERFORMANCE_DATA"),
            Map.entry("HKEY_DYN_DATA", "HKEY_DYN_DATA"));

    private RegistryNames() {
    }

    /**
     * The names along the path, the first one being the hive in its full spelling when it is a known hive.
     * Empty names (doubled or trailing backslashes) are dropped; a blank path gives an empty list.
     */
    static List<String> names(String keyPath) {
        List<String> names = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i <= keyPath.length(); i++) {
            if (i == keyPath.length() || keyPath.charAt(i) == '\\') {
                if (i > start) {
                    names.add(keyPath.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (!names.isEmpty()) {
            hive(names.get(0)).ifPresent(hive -> names.set(0, hive));
        }
        return names;
    }

    /** The full name of a hive given in full or short form (HKLM, HKCU, HKCR, HKU, HKCC), any case. */
    static Optional<String> hive(String name) {
        return Optional.ofNullable(HIVES.get(fold(name)));
    }

    /**
     * The key under which a name is compared. Windows upper-cases each UTF-16 unit on its own, without locale
     * rules, so this does the same rather than use {@link String#toUpperCase()} (which turns "ß" into "SS").
     */
    static String fold(String name) {
        char[] chars = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            char upper = upper(c);
            if (upper != c) {
                if (chars == null) {
                    chars = name.toCharArray();
                }
                chars[i] = upper;
            }
        }
        return chars == null ? name : new String(chars);
    }

    /** {@link #fold(String)} of {@code name}, which is {@code text[from, to)}: read from the array, as the parser has it. */
    static String fold(char[] text, int from, int to, String name) {
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (upper(c) != c) {
                char[] chars = new char[to - from];
                for (int k = 0; k < chars.length; k++) {
                    chars[k] = upper(text[from + k]);
                }
                return new String(chars);
            }
        }
        return name;
    }

    /** ASCII by arithmetic, the rest by the JDK's table. */
    private static char upper(char c) {
        return c < 'a' ? c : c <= 'z' ? (char) (c - ('a' - 'A')) : c < 0x80 ? c : Character.toUpperCase(c);
    }
}
