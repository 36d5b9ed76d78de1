package org.riddance.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of a Windows installation that is not running: its hive files, each mounted where Windows loads
 * it ({@code SOFTWARE} at {@code HKEY_LOCAL_MACHINE\SOFTWARE}, {@code SYSTEM} at {@code HKEY_LOCAL_MACHINE\SYSTEM}).
 * {@code SYSTEM\CurrentControlSet} is, as on a running Windows, the control set that {@code SYSTEM\Select\Current}
 * names. A hive or key that cannot be read is listed in {@link #unreadable()} and reads as empty.
 */
public final class HiveRegistry implements RegistryView {

    private static final String MACHINE = "HKEY_LOCAL_MACHINE";

    /** Folded name under HKEY_LOCAL_MACHINE to hive, in mount order. */
    private final Map<String, HiveFile> hives = new LinkedHashMap<>();
    private final Map<String, String> spelling = new LinkedHashMap<>();
    private final Set<String> problems = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Map<String, Integer> keys = new ConcurrentHashMap<>();
    private volatile String controlSet;

    private HiveRegistry() {
    }

    /**
     * Mounts each hive file under {@code HKEY_LOCAL_MACHINE\NAME}. A file that cannot be opened or is no hive is
     * recorded as unreadable, so the scan says so instead of reporting that key clean.
     */
    public static HiveRegistry open(Map<String, Path> hiveFiles) {
        HiveRegistry registry = new HiveRegistry();
        hiveFiles.forEach((name, file) -> {
            try {
                HiveFile hive = HiveFile.open(file);
                registry.hives.put(RegistryNames.fold(name), hive);
                registry.spelling.put(RegistryNames.fold(name), name);
                registry.problems.addAll(hive.warnings());
            } catch (IOException | RuntimeException e) {
                registry.problems.add(MACHINE + "\\" + name + " was not read: " + e.getMessage());
            }
        });
        return registry;
    }

    @Override
    public List<String> unreadable() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    @Override
    public Optional<String> origin(String keyPath, String valueName) {
        List<String> names = RegistryNames.names(keyPath);
        return names.size() < 2 || !names.get(0).equals(MACHINE) ? Optional.empty()
                : Optional.ofNullable(hives.get(RegistryNames.fold(names.get(1)))).map(h -> "hive " + h.file());
    }

    @Override
    public boolean exists(String keyPath) {
        return isMachineRoot(keyPath) || key(keyPath).isPresent();
    }

    @Override
    public List<String> subkeys(String keyPath) {
        if (isMachineRoot(keyPath)) {
            return List.copyOf(spelling.values());
        }
        return read(keyPath, List.of(), (hive, key) -> {
            List<String> names = new ArrayList<>();
            String parent = cacheKey(keyPath) + "\\";
            for (int child : hive.subkeys(key)) {
                String name = hive.keyName(child);
                names.add(name);
                keys.putIfAbsent(parent + RegistryNames.fold(name), child);
            }
            return names;
        });
    }

    @Override
    public Map<String, RegistryValue> values(String keyPath) {
        return read(keyPath, Map.of(), (hive, key) -> {
            Map<String, RegistryValue> byName = new LinkedHashMap<>();
            hive.values(key).forEach(value -> byName.putIfAbsent(value.name(), value));
            return Collections.unmodifiableMap(byName);
        });
    }

    private interface KeyReader<T> {
        T read(HiveFile hive, int key);
    }

    /** Reads from a key; a damaged cell makes it read as {@code empty} and is recorded with the key's path. */
    private <T> T read(String keyPath, T empty, KeyReader<T> reader) {
        Optional<Located> key = key(keyPath);
        if (key.isEmpty()) {
            return empty;
        }
        try {
            return reader.read(key.get().hive, key.get().offset);
        } catch (HiveFile.Damaged e) {
            problems.add(key.get().hive.file() + ", key " + keyPath + ": " + e.getMessage()
                    + "; its subkeys and values were not read");
            return empty;
        }
    }

    private record Located(HiveFile hive, int offset) {
    }

    /** The cache's key for a path: folded, CurrentControlSet resolved, as {@link #located} spells it. */
    private String cacheKey(String keyPath) {
        List<String> names = RegistryNames.names(keyPath);
        HiveFile hive = names.size() > 1 ? hives.get(RegistryNames.fold(names.get(1))) : null;
        if (hive != null && RegistryNames.fold(names.get(1)).equals("SYSTEM") && names.size() > 2
                && names.get(2).equalsIgnoreCase("CurrentControlSet")) {
            names = new ArrayList<>(names);
            names.set(2, currentControlSet(hive));
        }
        return RegistryNames.fold(String.join("\\", names));
    }

    private Optional<Located> key(String keyPath) {
        List<String> names = RegistryNames.names(keyPath);
        if (names.size() < 2 || !names.get(0).equals(MACHINE)) {
            return Optional.empty();
        }
        String mount = RegistryNames.fold(names.get(1));
        HiveFile hive = hives.get(mount);
        if (hive == null) {
            return Optional.empty();
        }
        if (mount.equals("SYSTEM") && names.size() > 2 && names.get(2).equalsIgnoreCase("CurrentControlSet")) {
            names = new ArrayList<>(names);
            names.set(2, currentControlSet(hive));
        }
        return located(hive, names, keyPath);
    }

    /**
     * The key at {@code names} (hive name and below): from the cache, else its parent's offset (itself cached)
     * and one search of the parent's subkey list. Listing a key's subkeys caches each child, so walking a tree
     * costs one pass over each subkey list, not one per child.
     */
    private Optional<Located> located(HiveFile hive, List<String> names, String keyPath) {
        String folded = RegistryNames.fold(String.join("\\", names));
        Integer cached = keys.get(folded);
        if (cached == null) {
            int parent = names.size() == 2 ? -2 : located(hive, names.subList(0, names.size() - 1), keyPath)
                    .map(Located::offset).orElse(-1);
            try {
                cached = parent == -2 ? hive.root() : parent < 0 ? -1 : hive.subkey(parent, names.get(names.size() - 1));
            } catch (HiveFile.Damaged e) {
                problems.add(hive.file() + ", key " + keyPath + ": " + e.getMessage() + "; the key was not read");
                cached = -1;
            }
            keys.put(folded, cached);
        }
        return cached < 0 ? Optional.empty() : Optional.of(new Located(hive, cached));
    }

    /** The control set {@code Select\Current} names, {@code ControlSet001} when it names none. */
    private String currentControlSet(HiveFile system) {
        String known = controlSet;
        if (known == null) {
            known = readCurrentControlSet(system);
            controlSet = known;
        }
        return known;
    }

    private String readCurrentControlSet(HiveFile system) {
        long number = 1;
        try {
            int select = system.subkey(system.root(), "Select");
            if (select >= 0) {
                for (RegistryValue value : system.values(select)) {
                    if (value.name().equalsIgnoreCase("Current") && value.data() instanceof Long current) {
                        number = current;
                    }
                }
            }
        } catch (HiveFile.Damaged e) {
            problems.add(system.file() + ", key " + MACHINE + "\\SYSTEM\\Select: " + e.getMessage()
                    + "; ControlSet001 was read as the current control set");
        }
        return String.format("ControlSet%03d", number);
    }

    private static boolean isMachineRoot(String keyPath) {
        List<String> names = RegistryNames.names(keyPath);
        return names.size() == 1 && names.get(0).equals(MACHINE);
    }
}
