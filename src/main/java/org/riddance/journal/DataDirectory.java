package org.riddance.journal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.riddance.platform.OsFamily;

/**
 * Where Riddance keeps journals, logs and receipts on this machine. Machine-wide when it runs as
 * administrator/root (so a resumed session after a reboot finds its journal whoever logs in), per user
 * otherwise. In order: {@code --data-dir}, the {@code RIDDANCE_DATA_DIR} environment variable (fleet tools),
 * the portable copy's folder on its USB stick ({@link PortableImage}), then the per-OS default.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static final String ENVIRONMENT_OVERRIDE = "RIDDANCE_DATA_DIR";

    public static Path resolve(OsFamily family, boolean elevated, Map<String, String> env, String userHome,
                               Optional<Path> override) {
        return resolve(family, elevated, env, userHome, override, Optional.empty());
    }

    /** @param portable the portable image this process runs from, if it does */
    public static Path resolve(OsFamily family, boolean elevated, Map<String, String> env, String userHome,
                               Optional<Path> override, Optional<PortableImage> portable) {
        Optional<Path> chosen = override.or(() -> Optional.ofNullable(env.get(ENVIRONMENT_OVERRIDE))
                .filter(s -> !s.isBlank()).map(Path::of))
                .or(() -> portable.map(PortableImage::dataDir));
        if (chosen.isPresent()) {
            return chosen.get().toAbsolutePath().normalize();
        }
        return switch (family) {
            case WINDOWS -> Path.of(Optional.ofNullable(env.get("ProgramData"))
                    .or(() -> Optional.ofNullable(env.get("PROGRAMDATA")))
                    .orElse("C:\\ProgramData"), "Riddance");
            case LINUX -> elevated
                    ? Path.of("/var/lib/riddance")
                    : Optional.ofNullable(env.get("XDG_DATA_HOME")).filter(s -> !s.isBlank())
                        .map(dir -> Path.of(dir, "riddance"))
                        .orElse(Path.of(userHome, ".local", "share", "riddance"));
            case MACOS -> elevated
                    ? Path.of("/Library/Application Support/Riddance")
                    : Path.of(userHome, "Library", "Application Support", "Riddance");
        };
    }

    public static Path forThisMachine(boolean elevated, Optional<Path> override) {
        return resolve(OsFamily.current(), elevated, System.getenv(), System.getProperty("user.home"), override,
                PortableImage.detectForThisProcess());
    }
}
