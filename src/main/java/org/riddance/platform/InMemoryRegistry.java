package org.riddance.platform;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

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
    /** The parent of the key found last, and its path as asked: see {@link #find}. */
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
        return Optional.ofNullable(key == null ? null : key.origin(RegistryNames.fold(valueName)));
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
    public void eachSubkey(String keyPath, BiConsumer<String, Map<String, RegistryValue>> action) {
        Key key = find(keyPath);
        if (key != null) {
            key.eachSubkey(action);
        }
    }

    @Override
    public Optional<RegistryValue> value(String keyPath, String name) {
        Key key = find(keyPath);
        return Optional.ofNullable(key == null ? null : key.value(RegistryNames.fold(name)));
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
        return (parent == null ? root : parent).openSubkey(RegistryNames.fold(name), name); // mostly unique: not kept
    }

    /** The same for the name {@code text[from, to)}. */
    Key openChild(Key parent, char[] text, int from, int to) {
        String name = new String(text, from, to - from);
        return (parent == null ? root : parent).openSubkey(RegistryNames.fold(text, from, to, name), name);
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

    /**
     * The key at a path, walked from the parent of the key found last when the path lies below it: a scanner
     * lists a key's subkeys and then reads each of them, so most look-ups walk one name.
     */
    private Key find(String keyPath) {
        Found last = lastFound;
        Key key = root;
        int start = 0;
        if (last != null && keyPath.length() > last.path().length() && keyPath.charAt(last.path().length()) == '\\'
                && keyPath.startsWith(last.path())) {
            key = last.key();
            start = last.path().length() + 1;
        }
        Key parent = null;
        int parentEnd = 0;
        for (int i = start; i <= keyPath.length(); i++) {
            if (i == keyPath.length() || keyPath.charAt(i) == '\\') {
                if (i > start) {
                    String name = keyPath.substring(start, i);
                    parent = key;
                    parentEnd = start - 1;
                    key = key.subkey(RegistryNames.fold(key == root ? RegistryNames.hive(name).orElse(name) : name));
                    if (key == null) {
                        return null;
                    }
                }
                start = i + 1;
            }
        }
        if (parent != null && parent != root && (last == null || last.key() != parent)) {
            lastFound = new Found(keyPath.substring(0, parentEnd), parent);
        }
        return key == root ? null : key;
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
            key = key.openSubkey(RegistryNames.fold(name), name);
        }
        return key;
    }

    /** A value, its folded name, and where it was read from (no source for values put by code). */
    private record Slot(String folded, RegistryValue value, String source, int line) {
    }

    /**
     * One key. Most keys of an export are leaves with a handful of values, so a key holds up to {@link #SMALL}
     * values flat in two arrays, searched by folded name, and makes a map only past that (keeping puts linear in
     * a key with thousands of values) and a subkey map only for its first subkey. Folded names are shared
     * through {@link NameTable}, so a value costs its data and a few array cells.
     */
    static final class Key {
        private static final int SMALL = 8;
        /** Cells of one value in {@link #small}: folded name, value, source. */
        private static final int STRIDE = 3;

        final String name;
        /** By folded name; the TreeMap's order is the order Windows enumerates subkeys in. Null while there are none. */
        private TreeMap<String, Key> subkeys;
        private Object[] small;
        private int[] lines;
        private int count;
        /** By folded name, in the order values were first put; replaces {@link #small} once a key has many values. */
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

        RegistryValue value(String folded) {
            if (many != null) {
                Slot slot = many.get(folded);
                return slot == null ? null : slot.value();
            }
            int i = indexOf(folded);
            return i < 0 ? null : (RegistryValue) small[i * STRIDE + 1];
        }

        /** {@code FILE, line N} for a value read from an export; null for one put by code or not there. */
        String origin(String folded) {
            if (many != null) {
                Slot slot = many.get(folded);
                return slot == null || slot.source() == null ? null : slot.source() + ", line " + slot.line();
            }
            int i = indexOf(folded);
            return i < 0 || small[i * STRIDE + 2] == null ? null : small[i * STRIDE + 2] + ", line " + lines[i];
        }

        /** A value whose name differs only in case replaces the old one in place and keeps its spelling. */
        void put(String folded, RegistryValue value, String source, int line) {
            if (many != null) {
                many.merge(folded, new Slot(folded, value, source, line),
                        (old, fresh) -> new Slot(folded, respelled(old.value(), value), source, line));
                return;
            }
            int i = indexOf(folded);
            if (i >= 0) {
                small[i * STRIDE + 1] = respelled((RegistryValue) small[i * STRIDE + 1], value);
                small[i * STRIDE + 2] = source;
                lines[i] = line;
            } else if (count < SMALL) {
                if (small == null || count * STRIDE == small.length) {
                    int room = count == 0 ? 4 : SMALL;
                    small = small == null ? new Object[room * STRIDE] : Arrays.copyOf(small, room * STRIDE);
                    lines = lines == null ? new int[room] : Arrays.copyOf(lines, room);
                }
                small[count * STRIDE] = folded;
                small[count * STRIDE + 1] = value;
                small[count * STRIDE + 2] = source;
                lines[count++] = line;
            } else {
                many = new LinkedHashMap<>();
                for (int k = 0; k < count; k++) {
                    String f = (String) small[k * STRIDE];
                    many.put(f, new Slot(f, (RegistryValue) small[k * STRIDE + 1], (String) small[k * STRIDE + 2],
                            lines[k]));
                }
                small = null;
                lines = null;
                count = 0;
                many.put(folded, new Slot(folded, value, source, line));
            }
        }

        private static RegistryValue respelled(RegistryValue old, RegistryValue fresh) {
            return new RegistryValue(old.name(), fresh.type(), fresh.data());
        }

        boolean remove(String folded) {
            if (many != null) {
                return many.remove(folded) != null;
            }
            int i = indexOf(folded);
            if (i < 0) {
                return false;
            }
            System.arraycopy(small, (i + 1) * STRIDE, small, i * STRIDE, (count - i - 1) * STRIDE);
            System.arraycopy(lines, i + 1, lines, i, count - i - 1);
            count--;
            Arrays.fill(small, count * STRIDE, (count + 1) * STRIDE, null);
            return true;
        }

        private int indexOf(String folded) {
            for (int i = 0; i < count; i++) {
                if (folded.equals(small[i * STRIDE])) {
                    return i;
                }
            }
            return -1;
        }

        void eachSubkey(BiConsumer<String, Map<String, RegistryValue>> action) {
            if (subkeys != null) {
                subkeys.values().forEach(subkey -> action.accept(subkey.name, subkey.valuesByName()));
            }
        }

        List<String> subkeyNames() {
            if (subkeys == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>(subkeys.size());
            subkeys.values().forEach(subkey -> names.add(subkey.name));
            return Collections.unmodifiableList(names);
        }

        /** A copy, so that later changes to the key do not show through; a few values are copied flat. */
        Map<String, RegistryValue> valuesByName() {
            if (many != null) {
                Map<String, RegistryValue> byName = new LinkedHashMap<>();
                many.values().forEach(slot -> byName.put(slot.value().name(), slot.value()));
                return Collections.unmodifiableMap(byName);
            }
            RegistryValue[] values = new RegistryValue[count];
            for (int i = 0; i < count; i++) {
                values[i] = (RegistryValue) small[i * STRIDE + 1];
            }
            return new FewValues(values);
        }
    }

    /** The values of a key with a few of them, by name in the order they were put; cannot be changed. */
    private static final class FewValues extends AbstractMap<String, RegistryValue> {
        private final RegistryValue[] values;

        FewValues(RegistryValue[] values) {
            this.values = values;
        }

        @Override
        public RegistryValue get(Object name) {
            for (RegistryValue value : values) {
                if (value.name().equals(name)) {
                    return value;
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object name) {
            return get(name) != null;
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Set<Entry<String, RegistryValue>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, RegistryValue>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < values.length;
                        }

                        @Override
                        public Entry<String, RegistryValue> next() {
                            if (next >= values.length) {
                                throw new NoSuchElementException();
                            }
                            RegistryValue value = values[next++];
                            return new SimpleImmutableEntry<>(value.name(), value);
                        }
                    };
                }

                @Override
                public int size() {
                    return values.length;
                }
            };
        }
    }
}
