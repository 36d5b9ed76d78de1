package org.riddance.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads OS facts from files under a system root, so a sandbox reports its own distribution and name. */
final class OsFactsReader {

    private OsFactsReader() {
    }

    static OsFacts live() {
        OsFamily family = OsFamily.current();
        String arch = System.getProperty("os.arch", "unknown");
        return switch (family) {
            case LINUX -> linux(SystemRoot.live(), arch, readFirstLine(Path.of("/proc/sys/kernel/hostname")));
            case WINDOWS -> new OsFacts(family, System.getProperty("os.name"), System.getProperty("os.version"), arch,
                    Optional.ofNullable(System.getenv("COMPUTERNAME")).orElse("unknown"), "");
            case MACOS -> new OsFacts(family, "macOS", System.getProperty("os.version"), arch,
                    Optional.ofNullable(System.getenv("HOSTNAME")).orElseGet(OsFactsReader::javaHostname), "");
        };
    }

    static OsFacts sandbox(SystemRoot root, OsFamily family, RegistryView registry) {
        String hostname = readFirstLine(root.resolve("/etc/hostname")).or(() -> Optional.of("sandbox")).get();
        return switch (family) {
            case LINUX -> linux(root, System.getProperty("os.arch", "unknown"), Optional.of(hostname));
            case WINDOWS -> windows(registry, hostname);
            case MACOS -> new OsFacts(family, "macOS (sandbox)", "", "aarch64", hostname, "");
        };
    }

    /** An offline Windows scan names the PC and its Windows from the registry export itself. */
    private static OsFacts windows(RegistryView registry, String fallbackName) {
        String version = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
        String product = registry.value(version, "ProductName").map(RegistryValue::asText).orElse("Windows");
        String display = registry.value(version, "DisplayVersion").map(RegistryValue::asText).orElse("");
        String build = registry.value(version, "CurrentBuildNumber").map(v -> "build " + v.asText()).orElse("");
        String name = registry.value("HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName",
                "ComputerName").map(RegistryValue::asText).orElse(fallbackName);
        return new OsFacts(OsFamily.WINDOWS, product, (display + " " + build).strip(),
                !registry.exists(version) ? "sandbox"
                        : registry instanceof HiveRegistry ? "from the disk's hives" : "from a registry export", name, "");
    }

    private static OsFacts linux(SystemRoot root, String arch, Optional<String> hostname) {
        Map<String, String> release = osRelease(root.resolve("/etc/os-release"));
        return new OsFacts(OsFamily.LINUX,
                release.getOrDefault("PRETTY_NAME", release.getOrDefault("NAME", "Linux")),
                release.getOrDefault("VERSION_ID", ""),
                arch,
                hostname.orElseGet(OsFactsReader::javaHostname),
                // the firmware's serial; readable by root only, which is how removal runs anyway
                readFirstLine(root.resolve("/sys/class/dmi/id/product_serial")).orElse(""));
    }

    static Map<String, String> osRelease(Path file) {
        Map<String, String> values = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return values;
        }
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, eq).strip(), value);
            }
        }
        return values;
    }

    private static Optional<String> readFirstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String javaHostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
