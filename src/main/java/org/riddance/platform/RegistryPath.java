package org.riddance.platform;

import java.util.Optional;

/**
 * A registry key path split into its hive and the path below it: {@code HKLM\Software\X} becomes
 * (HKEY_LOCAL_MACHINE, {@code Software\X}). Pure text, so it is shared by the live registry and tests on any OS.
 */
record RegistryPath(Hive hive, String subkey) {

    enum Hive {
        HKEY_LOCAL_MACHINE("HKLM"),
        HKEY_CURRENT_USER("HKCU"),
        HKEY_USERS("HKU"),
        HKEY_CLASSES_ROOT("HKCR"),
        HKEY_CURRENT_CONFIG("HKCC");

        private final String shortName;

        Hive(String shortName) {
            this.shortName = shortName;
        }

        static Optional<Hive> named(String name) {
            for (Hive hive : values()) {
                if (hive.name().equalsIgnoreCase(name) || hive.shortName.equalsIgnoreCase(name)) {
                    return Optional.of(hive);
                }
            }
            return Optional.empty();
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
