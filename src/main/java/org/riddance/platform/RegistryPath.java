package org.riddance.platform;

import java.util.Optional;

/**
 * A registry key path split into its hive and the path below it: {@code HKLM\Software\X} becomes
 * (HKEY_LOCAL_MACHINE, {@code Software\X}). Pure text, so it is shared by the live registry and tests on any OS.
 */
record RegistryPath(Hive hive, String subkey) {

    /** The hives the live registry opens; names and short forms are {@link RegistryNames}'. */
    enum Hive {
        HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_USERS, HKEY_CLASSES_ROOT, HKEY_CURRENT_CONFIG;

        static Optional<Hive> named(String name) {
            return RegistryNames.hive(name).flatMap(full -> java.util.Arrays.stream(values())
                    .filter(h -> h.name().equals(full)).findFirst());
        }
    }

    /** Empty for a path that does not start with a known hive; stray, doubled and trailing backslashes are dropped. */
    static Optional<RegistryPath> parse(String keyPath) {
        String trimmed = keyPath.strip().replaceAll("\\\\+", "\\\\").replaceAll("^\\\\|\\\\$", "");
        int slash = trimmed.indexOf('\\');
        String hiveName = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String subkey = slash < 0 ? "" : trimmed.substring(slash + 1);
        return Hive.named(hiveName).map(hive -> new RegistryPath(hive, subkey));
    }

    @Override
    public String toString() {
        return subkey.isEmpty() ? hive.name() : hive.name() + '\\' + subkey;
    }
}
