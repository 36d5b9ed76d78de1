package org.riddance.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which machine this is, strongly enough to bind a back-up archive to it: the hostname and the OS's own
 * install identifier. Linux: {@code /etc/machine-id} (systemd, machine-id(5)); Windows: {@code MachineGuid}
 * under {@code HKLM\SOFTWARE\Microsoft\Cryptography}; macOS: {@code IOPlatformUUID} from
 * {@code ioreg -rd1 -c IOPlatformExpertDevice}. A sandbox ({@code --root DIR}) is its own machine: DIR's
 * {@code etc/machine-id} and {@code etc/hostname}, or the hives' values for a Windows disk.
 *
 * @param machineId the identifier, lower case; empty when the machine does not have one
 */
public record MachineIdentity(String hostname, String machineId) {

    static final String WINDOWS_CRYPTOGRAPHY = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography";
    private static final Pattern PLATFORM_UUID = Pattern.compile("\"IOPlatformUUID\"\\s*=\\s*\"([0-9A-Fa-f-]{36})\"");

    public MachineIdentity {
        hostname = hostname == null ? "" : hostname.strip();
        machineId = machineId == null ? "" : machineId.strip().toLowerCase(Locale.ROOT);
    }

    public static MachineIdentity of(Host host) {
        return new MachineIdentity(host.os().hostname(), machineId(host).orElse(""));
    }

    /** The same machine: the identifiers agree (hostnames change with a rename, so they only decide when no id exists). */
    public boolean sameAs(MachineIdentity other) {
        if (!machineId.isEmpty() || !other.machineId.isEmpty()) {
            return machineId.equals(other.machineId);
        }
        return !hostname.isEmpty() && hostname.equalsIgnoreCase(other.hostname);
    }

    public String describe() {
        return (hostname.isEmpty() ? "an unnamed machine" : hostname) + " (machine id "
                + (machineId.isEmpty() ? "unknown" : machineId) + ")";
    }

    private static Optional<String> machineId(Host host) {
        return switch (host.os().family()) {
            case WINDOWS -> host.registry().value(WINDOWS_CRYPTOGRAPHY, "MachineGuid").map(RegistryValue::asText)
                    .filter(s -> !s.isBlank());
            case LINUX -> firstLine(host.files().resolve("/etc/machine-id"));
            case MACOS -> host.isSandbox() ? firstLine(host.files().resolve("/etc/machine-id")) : platformUuid(host);
        };
    }

    private static Optional<String> platformUuid(Host host) {
        try {
            ProcessResult r = host.processes().run(Command.of("/usr/sbin/ioreg", "-rd1", "-c", "IOPlatformExpertDevice").build());
            Matcher m = PLATFORM_UUID.matcher(r.stdout());
            return r.succeeded() && m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstLine(Path file) {
        try {
            if (Files.size(file) > 4096) {
                return Optional.empty(); // machine-id(5) is 33 bytes; anything larger is not one
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.equals("uninitialized")).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
