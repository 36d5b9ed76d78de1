package org.riddance.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.platform.Command;
import org.riddance.platform.Hosts;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * The real rpm against an rpm sandbox: stand-in packages (real names, stand-in contents) built with rpmbuild and
 * installed with {@code rpm --root}. Needs the Debian package {@code rpm}, which {@code .ci/run} installs, and
 * root (rpm writes the sandbox database as the files' owner).
 */
class RpmDetectionTest {

    private final SystemProcessRunner runner = new SystemProcessRunner();

    @Test
    void findsRpmPackagesByExactNameAndNotTheirLookAlikes(@TempDir Path work) throws Exception {
        assumeTrue(onPath("rpmbuild") && onPath("rpm"), "rpm and rpmbuild are not installed (apt-get install rpm)");
        assumeTrue("root".equals(System.getProperty("user.name")), "rpm --root needs root to install into a sandbox");
        Path root = Files.createDirectories(work.resolve("root"));
        run("rpm", "--root=" + root, "--dbpath=/var/lib/rpm", "--initdb"); // laid out as on RHEL
        for (String[] pkg : List.of(
                new String[] {"klnagent64", "14.2.0", "35148", "Kaspersky Security Center Network Agent (stand-in)"},
                new String[] {"kesl", "12.1.0", "1297", "Kaspersky Endpoint Security for Linux (stand-in)"},
                new String[] {"klavaro", "3.13", "3", "touch typing tutor (decoy stand-in)"})) {
            Path rpm = build(work, pkg[0], pkg[1], pkg[2], pkg[3]);
            run("rpm", "--root=" + root, "--dbpath=/var/lib/rpm", "-i", "--nodeps", "--noscripts", "--nosignature", rpm.toString());
        }

        ScanReport report = Detector.standard(Clock.systemUTC()).scan(Hosts.sandbox(root), CatalogLoader.builtIn(),
                Progress.NONE, Cancellation.none());

        assertThat(report.sourcesScanned()).contains("rpm package database");
        assertThat(report.findings()).extracting(Finding::productId).containsExactlyInAnyOrder("kesl", "ksc-network-agent");
        Finding kesl = report.findings().stream().filter(f -> f.productId().equals("kesl")).findFirst().orElseThrow();
        assertThat(kesl.version()).isEqualTo("12.1.0-1297");
        assertThat(kesl.evidence()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(EvidenceKind.PACKAGE));
    }

    private Path build(Path work, String name, String version, String release, String summary) throws Exception {
        Path top = work.resolve("rpmbuild-" + name);
        Path spec = Files.createDirectories(top.resolve("SPECS")).resolve(name + ".spec");
        Files.writeString(spec, String.join("\n",
                "Name: " + name, "Version: " + version, "Release: " + release, "Summary: " + summary,
                "License: none", "BuildArch: noarch", "",
                "%description", "STAND-IN built by Riddance's tests; not the real product. Real name and layout only.", "",
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
