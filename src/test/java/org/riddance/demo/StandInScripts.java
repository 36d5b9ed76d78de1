package org.riddance.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.work.Cancellation;

/** The demo sandbox's stand-ins with maintainer scripts, installed over themselves by the real dpkg. */
public final class StandInScripts {

    /**
     * kesl's postrm as an uninstaller that writes after the back-up: on purge, a new log in kesl's data folder and a
     * line added to its own log.
     */
    public static final String KESL_POSTRM_WRITES_LOGS = """
            #!/bin/sh
            set -e
            if [ "$1" = purge ]; then
              echo "stand-in kesl uninstaller: purged" > "$DPKG_ROOT/var/opt/kaspersky/kesl/common/uninstall.log"
              echo "stand-in kesl uninstaller: purged" >> "$DPKG_ROOT/var/log/kaspersky/kesl/kesl.log"
            fi
            """;

    private StandInScripts() {
    }

    /** Reinstalls the demo's kesl into {@code root} with {@code postrm}; the .deb is built in {@code work}. */
    public static void reinstallKesl(Path root, Path work, String postrm) throws IOException {
        StandInPackage kesl = DemoSandbox.kasperskyPackages().stream().filter(p -> p.name().equals("kesl")).findFirst()
                .orElseThrow();
        StandInPackage withScript = new StandInPackage(kesl.name(), kesl.version(), kesl.maintainer(), kesl.summary(),
                kesl.files(), kesl.conffiles(), Map.of("postrm", postrm));
        Path deb = DemoSandbox.buildDeb(withScript, Files.createDirectories(work), new SystemProcessRunner(),
                Cancellation.none());
        DemoSandbox.install(root, new SystemProcessRunner(), deb, Cancellation.none());
    }
}
