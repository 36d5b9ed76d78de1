package org.riddance.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegFileParser;
import org.riddance.platform.RegistryView;

/** The machine a command works on: this one, the {@code --root} sandbox, or a Windows registry export. */
final class ScanTarget {

    /** The registry export could not be read; the message says which file and why. */
    static final class UnreadableExport extends Exception {
        UnreadableExport(Path export, Exception cause) {
            super("cannot read the registry export " + export + ": " + cause.getMessage(), cause);
        }
    }

    private ScanTarget() {
    }

    static Host host(RiddanceCommand parent, Path registryExport) throws UnreadableExport, IOException {
        Host host = parent.context().host();
        if (registryExport == null) {
            return host;
        }
        RegistryView registry;
        try {
            registry = RegFileParser.parse(registryExport);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableExport(registryExport, e);
        }
        Path root = parent.rootOption().orElse(Files.createTempDirectory("riddance-offline"));
        return Hosts.sandbox(root, OsFamily.WINDOWS, registry);
    }
}
