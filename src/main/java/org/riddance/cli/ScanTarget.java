package org.riddance.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegFileParser;

/** The machine a command works on: this one, the {@code --root} sandbox, or a Windows registry export. */
final class ScanTarget {

    private ScanTarget() {
    }

    static Host host(RiddanceCommand parent, Path registryExport) throws IOException {
        Host host = parent.context().host();
        if (registryExport == null) {
            return host;
        }
        var registry = RegFileParser.parse(registryExport);
        Path root = parent.rootOption().orElse(Files.createTempDirectory("riddance-offline"));
        return Hosts.sandbox(root, OsFamily.WINDOWS, registry);
    }
}
