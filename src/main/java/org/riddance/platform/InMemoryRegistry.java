package org.riddance.platform;

import java.util.ArrayList;
import java.util.Arrays;
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
    /** Used while building only: reads fold with {@link RegistryNames#fold} and so can run on several threads. */
    private final NameTable names = new NameTable();
    /** The key found last by a full walk: a scanner lists a key's subkeys, then reads each one below it. */
    private Found lastFound;

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
        Slot slot = key == null ? null : key.slot(RegistryNames.fold(valueName));
        return slot == null || slot.source() == null ? Optional.empty()
                : Optional.of(slot.source() + ", line " + slot.line());
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
        Slot slot = key == null ? null : key.slot(RegistryNames.fold(name));
        return slot == null ? Optional.empty() : Optional.of(slot.value());
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
        keyToWrite(keyPath).put(names.fold(value.name()), value, null, 0);
        return this;
    }

    /**
     * The subkey {@code name} of {@code parent} ({@code null} for the top, where the hives are), created if missing:
     * the parser walks only the part of a key path that differs from the key before it.
     */
    Key openChild(Key parent, String name) {
        return (parent == null ? root : parent).openSubkey(names.fold(name), name);
    }

    /** The names table the parser shares, so that a value name read again is the same String. */
    NameTable names() {
        return names;
    }

    /** Sets a value in a key got from {@link #openChild}, remembering the file and line it came from. */
    void putValue(Key key, RegistryValue value, String source, int line) {
        key.put(names.fold(value.name()), value, source, line);
    }

    boolean deleteValue(Key key, String valueName) {
        return key.remove(names.fold(valueName));
    }

    /** Deletes the key with all its subkeys and values; false when there was no such key. */
    public boolean deleteKey(String keyPath) {
        List<String> names = RegistryNames.names(keyPath);
        if (names.isEmpty()) {
            return false;
        }
        Key parent = walk(names.subList(0, names.size() - 1));
        lastFound = null; // it may be the deleted key or below it
        return parent != null && parent.removeSubkey(RegistryNames.fold(names.get(names.size() - 1)));
    }

    /** Deletes one value ({@code ""} is the default value); false when the key or the value was not there. */
    public boolean deleteValue(String keyPath, String valueName) {
        Key key = find(keyPath);
        return key != null && key.remove(RegistryNames.fold(valueName));
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
        Found last = lastFound;
        if (last != null && keyPath.length() > last.path().length() && keyPath.charAt(last.path().length()) == '\\'
                && keyPath.startsWith(last.path())) {
            return walkBelow(last.key(), keyPath, last.path().length() + 1);
        }
        List<String> names = RegistryNames.names(keyPath);
        Key key = names.isEmpty() ? null : walk(names);
        if (key != null) {
            lastFound = new Found(keyPath, key);
        }
        return key;
    }

    private Key walk(List<String> names) {
        Key key = root;
        for (String name : names) {
            key = key.subkey(RegistryNames.fold(name));
            if (key == null) {
                return null;
            }
        }
        return key;
    }

    /** The key at the names of {@code path} from {@code start} on, below {@code key}; empty names are skipped. */
    private static Key walkBelow(Key key, String path, int start) {
        for (int i = start; i <= path.length() && key != null; i++) {
            if (i == path.length() || path.charAt(i) == '\\') {
                if (i > start) {
                    key = key.subkey(RegistryNames.fold(path.substring(start, i)));
                }
                start = i + 1;
            }
        }
        return key;
    }

    /** A key and the path it was found by; immutable, so readers on several threads may share it. */
    private record Found(String path, Key key) {
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
            key = key.openSubkey(this.names.fold(name), name);
        }
        return key;
    }

    /** A value, its folded name, and where it was read from (no source for values put by code). */
    private record Slot(String folded, RegistryValue value, String source, int line) {
    }

    /**
     * One key. Most keys of an export are leaves with a handful of values, so a key holds its values in a small
     * array, searched by folded name, and makes a map only past {@link #SMALL} values (keeping puts linear in a
     * key with thousands of them) and a subkey map only for its first subkey. Folded names are shared through
     * {@link FoldedNames}, so a value costs its data and one small slot.
     */
    static final class Key {
        private static final int SMALL = 8;

        final String name;
        /** By folded name; the TreeMap's order is the order Windows enumerates subkeys in. Null while there are none. */
        private TreeMap<String, Key> subkeys;
        private Slot[] slots;
        private int count;
        /** By folded name, in the order values were first put; replaces {@link #slots} once a key has many values. */
        private Map<String, Slot> many;

        Key(String name) {
            this.name = name;
        }

        Key subkey(String folded) {
            return subkeys == null ? null : subkeys.get(folded);
        }

        Key openSubkey(String folded, String name) {
            if (subkeys == null) {
                subkeys = new TreeMap<>();
            }
            return subkeys.computeIfAbsent(folded, f -> new Key(name));
        }

        boolean removeSubkey(String folded) {
            return subkeys != null && subkeys.remove(folded) != null;
        }

        Slot slot(String folded) {
            if (many != null) {
                return many.get(folded);
            }
            int i = indexOf(folded);
            return i < 0 ? null : slots[i];
        }

        /** A value whose name differs only in case replaces the old one in place and keeps its spelling. */
        void put(String folded, RegistryValue value, String source, int line) {
            if (many != null) {
                many.merge(folded, new Slot(folded, value, source, line), (old, fresh) -> replaced(old, fresh));
                return;
            }
            int i = indexOf(folded);
            if (i >= 0) {
                slots[i] = replaced(slots[i], new Slot(folded, value, source, line));
            } else if (count < SMALL) {
                if (slots == null || count == slots.length) {
                    slots = Arrays.copyOf(slots == null ? new Slot[0] : slots, count == 0 ? 4 : SMALL);
                }
                slots[count++] = new Slot(folded, value, source, line);
            } else {
                many = new LinkedHashMap<>();
                for (int k = 0; k < count; k++) {
                    many.put(slots[k].folded(), slots[k]);
                }
                slots = null;
                count = 0;
                many.put(folded, new Slot(folded, value, source, line));
            }
        }

        private static Slot replaced(Slot old, Slot fresh) {
            return new Slot(old.folded(), new RegistryValue(old.value().name(), fresh.value().type(), fresh.value().data()),
                    fresh.source(), fresh.line());
        }

        boolean remove(String folded) {
            if (many != null) {
                return many.remove(folded) != null;
            }
            int i = indexOf(folded);
            if (i < 0) {
                return false;
            }
            System.arraycopy(slots, i + 1, slots, i, count - i - 1);
            slots[--count] = null;
            return true;
        }

        private int indexOf(String folded) {
            for (int i = 0; i < count; i++) {
                if (slots[i].folded().equals(folded)) {
                    return i;
                }
            }
            return -1;
        }

        List<String> subkeyNames() {
            if (subkeys == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>(subkeys.size());
            subkeys.values().forEach(subkey -> names.add(subkey.name));
            return Collections.unmodifiableList(names);
        }

        Map<String, RegistryValue> valuesByName() {
            Map<String, RegistryValue> byName = new LinkedHashMap<>();
            if (many != null) {
                many.values().forEach(slot -> byName.put(slot.value().name(), slot.value()));
            }
            for (int i = 0; i < count; i++) {
                byName.put(slots[i].value().name(), slots[i].value());
            }
            return Collections.unmodifiableMap(byName);
        }
    }
}
