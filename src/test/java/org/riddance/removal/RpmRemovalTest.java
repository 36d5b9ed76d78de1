package org.riddance.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.detect.Detector;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * The real {@code rpm -e --root} on an rpm sandbox (stand-ins built with rpmbuild, as in RpmDetectionTest): the
 * agent and Endpoint Security come off, the look-alike stays. Needs the Debian package {@code rpm} and root.
 */
class RpmRemovalTest {

    private final SystemProcessRunner runner = new SystemProcessRunner();

    @Test
    void erasesTheProductsFromTheDatabaseTheScanReadAndLeavesTheDecoy(@TempDir Path work) throws Exception {
        assumeTrue(onPath("rpmbuild") && onPath("rpm"), "rpm and rpmbuild are not installed (apt-get install rpm)");
        assumeTrue("root".equals(System.getProperty("user.name")), "rpm --root needs root to install into a sandbox");
        Path root = Files.createDirectories(work.resolve("root"));
        run("rpm", "--root=" + root, "--dbpath=/var/lib/rpm", "--initdb");
        for (String name : List.of("klnagent64", "kesl", "klavaro")) {
            run("rpm", "--root=" + root, "--dbpath=/var/lib/rpm", "-i", "--nodeps", "--noscripts", "--nosignature",
                    build(work, name).toString());
        }
        Host host = Hosts.sandbox(root);
        Path data = Files.createDirectories(work.resolve("data"));
        try (SessionJournal session = new SessionStore(data, Clock.systemUTC()).start(
                new SessionInfo("Test", "", "", "", ""), host.os(), "test")) {
            session.record(new org.riddance.journal.entry.BackupWaived("stand-ins in a test sandbox: nothing to keep"));
            var findings = Detector.standard(Clock.systemUTC()).scan(host, CatalogLoader.builtIn(), Progress.NONE,
                    Cancellation.none()).findings();
            RemovalPlan plan = new RemovalPlanner(CatalogLoader.builtIn(), host, session.directory()).plan(findings, Passwords.none());
            assertThat(String.join("\n", plan.describe())).contains("rpm --root=" + root + " --dbpath=/var/lib/rpm -e kesl",
                    "rpm --root=" + root + " --dbpath=/var/lib/rpm -e klnagent64");

            RemovalReport report = new RemovalSession(host, CatalogLoader.builtIn(), Detector.standard(Clock.systemUTC()),
                    RemovalLog.of(session), session.directory(), RemovalOptions.defaults(), HangPolicy.stopAtLimit(),
                    PasswordPrompt.NONE, RemovalListener.NONE, List.of("riddance")).run(findings, Passwords.none(),
                    Progress.NONE, Cancellation.none());

            assertThat(report.allGone()).as(report.toString()).isTrue();
        }
        assertThat(installed(root, "kesl")).isFalse();
        assertThat(installed(root, "klnagent64")).isFalse();
        assertThat(installed(root, "klavaro")).isTrue();
    }

    private boolean installed(Path root, String name) throws Exception {
        ProcessResult r = runner.run(Command.of("rpm", "--root=" + root, "--dbpath=/var/lib/rpm", "-q", name).build());
        return r.succeeded();
    }

    private Path build(Path work, String name) throws Exception {
        Path top = work.resolve("rpmbuild-" + name);
        Path spec = Files.createDirectories(top.resolve("SPECS")).resolve(name + ".spec");
        Files.writeString(spec, String.join("\n",
                "Name: " + name, "Version: 1.0", "Release: 1", "Summary: " + name + " (stand-in)",
                "License: none", "BuildArch: noarch", "",
                "%description", "STAND-IN built by Riddance's tests; not the real product. Real name only.", "",
                "%install", "mkdir -p %{buildroot}/opt/stand-in/" + name,
                "echo stand-in > %{buildroot}/opt/stand-in/" + name + "/README", "",
                "%files", "/opt/stand-in/" + name + "/README", ""));
        run("rpmbuild", "--define", "_topdir " + top, "-bb", spec.toString());
        try (var found = Files.walk(top.resolve("RPMS"))) {
            return found.filter(p -> p.toString().endsWith(".rpm")).findFirst().orElseThrow();
        }
    }

    private void run(String... argv) throws Exception {
        ProcessResult result = runner.run(Command.of(List.of(argv)).timeout(java.time.Duration.ofMinutes(2)).build());
        assertThat(result.succeeded()).as("%s: %s", String.join(" ", argv), result.stderr()).isTrue();
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
