package org.riddance.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riddance.platform.ProcessRunner;
import org.riddance.work.Cancellation;

/**
 * The replacement antivirus of the demo PC, so a demo can end in PASS, or show how a check fails. It is ClamAV
 * as Debian installs it (package clamav-daemon, /etc/clamav/clamd.conf, clamd and clamonacc running), played by
 * a stand-in package, stand-in process entries under the sandbox's proc/, and {@link StandInClamd} answering
 * on the port clamd.conf names.
 */
public enum DemoAntivirus {
    /** Running, on-access scanning on, definitions a day old, stops the EICAR file: the check passes. */
    WORKING(Duration.ofDays(1)),
    /** Running, but its definitions are 30 days old: the check fails with "update definitions". */
    OUTDATED(Duration.ofDays(30)),
    /** No antivirus at all: the check fails with "install an antivirus". */
    NONE(Duration.ZERO);

    private static final String MAINTAINER = "Riddance stand-in packages <stand-in@riddance.invalid>";

    private final Duration definitionsAge;

    DemoAntivirus(Duration definitionsAge) {
        this.definitionsAge = definitionsAge;
    }

    /**
     * Installs the stand-in into the sandbox at {@code root} and starts its clamd; the caller closes it (or lets the
     * process end, as its threads are daemons). Empty for {@link #NONE}.
     */
    public Optional<StandInClamd> installInto(Path root, ProcessRunner runner, Clock clock) throws IOException {
        if (this == NONE) {
            return Optional.empty();
        }
        // Debian 12's clamav-daemon layout (packages.debian.org/bookworm/amd64/clamav-daemon/filelist)
        StandInPackage pkg = new StandInPackage("clamav-daemon", "1.4.6+dfsg-1~deb12u1", MAINTAINER,
                "ClamAV daemon (stand-in for the Riddance demo; the real daemon is played inside Riddance)",
                Map.of("usr/sbin/clamd", "stand-in for clamd\n",
                        "usr/sbin/clamonacc", "stand-in for clamonacc\n",
                        "lib/systemd/system/clamav-daemon.service",
                        "[Unit]\nDescription=Clam AntiVirus userspace daemon (stand-in)\n\n[Service]\n"
                                + "ExecStart=/usr/sbin/clamd --foreground=true\n\n[Install]\nWantedBy=multi-user.target\n"),
                List.of(), Map.of());
        Path debs = Files.createDirectories(root.resolve("var/cache/riddance-stand-ins"));
        DemoSandbox.install(root, runner, DemoSandbox.buildDeb(pkg, debs, runner, Cancellation.none()), Cancellation.none());

        StandInClamd clamd = StandInClamd.start(clock, definitionsAge);
        Files.createDirectories(root.resolve("home/demo"));
        write(root.resolve("etc/clamav/clamd.conf"), """
                # clamd.conf of the Riddance demo PC (stand-in): clamd answers on this loopback port while the
                # Riddance process that opened the demo runs.
                TCPSocket %d
                TCPAddr 127.0.0.1
                DatabaseDirectory /var/lib/clamav
                OnAccessIncludePath /home/demo
                OnAccessPrevention yes
                """.formatted(clamd.port()));
        Path daily = root.resolve("var/lib/clamav/daily.cld");
        write(daily, "stand-in ClamAV daily database\n");
        Files.setLastModifiedTime(daily, FileTime.from(clock.instant().minus(definitionsAge)));
        write(root.resolve("proc/2101/comm"), "clamd\n");
        write(root.resolve("proc/2102/comm"), "clamonacc\n");
        return Optional.of(clamd);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
