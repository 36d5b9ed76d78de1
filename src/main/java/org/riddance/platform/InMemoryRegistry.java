package org.riddance.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A registry held in memory: filled by {@link RegFileParser} from a PC's {@code .reg} export, or built by tests.
 *
 * <p>Keys form a tree under the hives. Key and value names are compared ignoring case, as Windows does, but keep
 * the spelling they were first created with. Paths may name the hive in full or short (HKLM, HKCU, HKCR, HKU,
 * HKCC); doubled and trailing backslashes are ignored. A hive exists once a key under it has been created.
 *
 * <p>{@link #subkeys} lists names in the order Windows enumerates them (sorted by upper-cased name);
 * {@link #values} keeps the order values were first put, as Windows does.
 *
 * <p>Value data, as the parser produces it: SZ and EXPAND_SZ a {@code String} (unexpanded), MULTI_SZ a
 * {@code List<String>}, DWORD a {@code Long} holding the unsigned 32-bit value (0 to 4294967295), QWORD a
 * {@code Long} holding the raw 64 bits ({@link Long#toUnsignedString} for values above {@code Long.MAX_VALUE}),
 * BINARY and NONE a {@code byte[]}.
 *
 * <p>Not thread-safe while being built; once built it can be read from several threads.
 */
public final class InMemoryRegistry implements WritableRegistry {

    private final Key root = new Key("");
    private final List<String> unreadable = new ArrayList<>();

    @Override
    public List<String> unreadable() {
        return Collections.unmodifiableList(unreadable);
    }

    /** Records a part that could not be read, so that a scan of this registry is not reported clean. */
    void noteUnreadable(String where) {
        unreadable.add(where);
    }

    @Override
    public Optional<String> origin(String keyPath, String valueName) {
        Key key = find(keyPath);
        Slot slot = key == null ? null : key.values.get(RegistryNames.fold(valueName));
        return slot == null || slot.source == null ? Optional.empty()
                : Optional.of(slot.source + ", line " + slot.line);
    }

    @Override
    public boolean exists(String keyPath) {
        return find(keyPath) != null;
    }

    @Override
    public List<String> subkeys(String keyPath) {
        Key key = find(keyPath);
        return key == null ? List.of() : key.subkeyNames();
    }

    @Override
    public Map<String, RegistryValue> values(String keyPath) {
        Key key = find(keyPath);
        return key == null ? Map.of() : key.valuesByName();
    }

    @Override
    public Optional<RegistryValue> value(String keyPath, String name) {
        Key key = find(keyPath);
        Slot slot = key == null ? null : key.values.get(RegistryNames.fold(name));
        return slot == null ? Optional.empty() : Optional.of(slot.value);
    }

    /** Creates the key and any missing keys above it; an existing key is left as it is. */
    public InMemoryRegistry createKey(String keyPath) {
        keyToWrite(keyPath);
        return this;
    }

    /**
     * Sets a value, creating the key if needed. A value whose name differs only in case is replaced in place
     * and keeps its original spelling, as on Windows.
     */
    public InMemoryRegistry putValue(String keyPath, RegistryValue value) {
        Objects.requireNonNull(value, "value");
        keyToWrite(keyPath).put(value, null, 0);
        return this;
    }

    /**
     * The subkey {@code name} of {@code parent} ({@code null} for the top, where the hives are), created if missing:
     * the parser walks only the part of a key path that differs from the key before it.
     */
    Key openChild(Key parent, String name) {
        return (parent == null ? root : parent).subkeys.computeIfAbsent(RegistryNames.fold(name), folded -> new Key(name));
    }

    /** Sets a value in a key got from {@link #openChild}, remembering the file and line it came from. */
    void putValue(Key key, RegistryValue value, String source, int line) {
        key.put(value, source, line);
    }

    boolean deleteValue(Key key, String valueName) {
        return key.values.remove(RegistryNames.fold(valueName)) != null;
    }

    /** Deletes the key with all its subkeys and values; false when there was no such key. */
    public boolean deleteKey(String keyPath) {
        List<String> names = RegistryNames.names(keyPath);
        if (names.isEmpty()) {
            return false;
        }
        Key parent = walk(names.subList(0, names.size() - 1));
        return parent != null && parent.subkeys.remove(RegistryNames.fold(names.get(names.size() - 1))) != null;
    }

    /** Deletes one value ({@code ""} is the default value); false when the key or the value was not there. */
    public boolean deleteValue(String keyPath, String valueName) {
        Key key = find(keyPath);
        return key != null && key.values.remove(RegistryNames.fold(valueName)) != null;
    }

    @Override
    public void setValue(String keyPath, RegistryValue value) {
        putValue(keyPath, value);
    }

    @Override
    public boolean removeKey(String keyPath) {
        return deleteKey(keyPath);
    }

    @Override
    public boolean removeValue(String keyPath, String valueName) {
        return deleteValue(keyPath, valueName);
    }

    private Key find(String keyPath) {
        List<String> names = RegistryNames.names(keyPath);
        return names.isEmpty() ? null : walk(names);
    }

    private Key walk(List<String> names) {
        Key key = root;
        for (String name : names) {
            key = key.subkeys.get(RegistryNames.fold(name));
            if (key == null) {
                return null;
            }
        }
        return key;
    }

    private Key keyToWrite(String keyPath) {
        List<String> names = RegistryNames.names(keyPath);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("empty registry key path");
        }
        if (RegistryNames.hive(names.get(0)).isEmpty()) {
            throw new IllegalArgumentException("registry key path does not start with a hive: " + keyPath);
        }
        Key key = root;
        for (String name : names) {
            key = key.subkeys.computeIfAbsent(RegistryNames.fold(name), folded -> new Key(name));
        }
        return key;
    }

    /** A value and where it was read from (no source for values put by code). */
    private record Slot(RegistryValue value, String source, int line) {
    }

    /** One key. Maps are keyed by folded name; the TreeMap's order is the order Windows enumerates subkeys in. */
    static final class Key {
        final String name;
        final Map<String, Key> subkeys = new TreeMap<>();
        final Map<String, Slot> values = new LinkedHashMap<>();

        Key(String name) {
            this.name = name;
        }

        void put(RegistryValue value, String source, int line) {
            values.merge(RegistryNames.fold(value.name()), new Slot(value, source, line),
                    (old, fresh) -> new Slot(new RegistryValue(old.value.name(), fresh.value.type(), fresh.value.data()),
                            source, line));
        }

        List<String> subkeyNames() {
            List<String> names = new ArrayList<>(subkeys.size());
            subkeys.values().forEach(subkey -> names.add(subkey.name));
            return Collections.unmodifiableList(names);
        }

        Map<String, RegistryValue> valuesByName() {
            Map<String, RegistryValue> byName = new LinkedHashMap<>();
            values.values().forEach(slot -> byName.put(slot.value.name(), slot.value));
            return Collections.unmodifiableMap(byName);
        }
    }
}
