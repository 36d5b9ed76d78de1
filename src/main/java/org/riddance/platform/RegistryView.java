package org.riddance.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Read access to a Windows registry: the live one (JNA) or a {@code .reg} export loaded into memory.
 * Paths use full hive names, {@code HKEY_LOCAL_MACHINE\SOFTWARE\...}; the short forms (HKLM, HKCU) are
 * accepted too. Lookups ignore case, as Windows does.
 */
public interface RegistryView {

    RegistryView NONE = new RegistryView() {
        @Override
        public boolean exists(String keyPath) {
            return false;
        }

        @Override
        public List<String> subkeys(String keyPath) {
            return List.of();
        }

        @Override
        public Map<String, RegistryValue> values(String keyPath) {
            return Map.of();
        }
    };

    boolean exists(String keyPath);

    /** Names of the direct subkeys, empty when the key does not exist. */
    List<String> subkeys(String keyPath);

    /** Values by name (the default value's name is the empty string), empty when the key does not exist. */
    Map<String, RegistryValue> values(String keyPath);

    /**
     * Each direct subkey's name with its values, in {@link #subkeys} order; nothing when the key does not exist. The
     * same as {@code values(keyPath + "\\" + name)} for each name, which a registry held in memory answers without
     * building each path and finding it again: an export's Uninstall key lists tens of thousands of entries. The
     * action must not change the registry.
     */
    default void eachSubkey(String keyPath, BiConsumer<String, Map<String, RegistryValue>> action) {
        for (String name : subkeys(keyPath)) {
            action.accept(name, values(keyPath + "\\" + name));
        }
    }

    /**
     * Parts of the registry that could not be read (a damaged line of an export, a damaged cell of a hive), each
     * naming where it is. A scan of a registry with any of these is incomplete and never reported clean.
     */
    default List<String> unreadable() {
        return List.of();
    }

    /** Where a value was read from, for messages: {@code FILE, line N} for an export; empty when not known. */
    default Optional<String> origin(String keyPath, String valueName) {
        return Optional.empty();
    }

    default Optional<RegistryValue> value(String keyPath, String name) {
        return values(keyPath).entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
