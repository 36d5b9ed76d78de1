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
import org.riddance.catalog.Category;
import org.riddance.platform.Host;
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
            Path rpm = build(work, pkg[0], pkg[1], pkg[2], pkg[3], "/opt/stand-in/" + pkg[0]);
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

    @Test
    void aFolderAnInstalledRpmOwnsIsThatPackagesNeverALeftover(@TempDir Path work) throws Exception {
        assumeTrue(onPath("rpmbuild") && onPath("rpm"), "rpm and rpmbuild are not installed (apt-get install rpm)");
        assumeTrue("root".equals(System.getProperty("user.name")), "rpm --root needs root to install into a sandbox");
        Path root = Files.createDirectories(work.resolve("root"));
        run("rpm", "--root=" + root, "--dbpath=/var/lib/rpm", "--initdb");
        // kesl's own folders, as the real package lays them out (reference/kaspersky.md 5.1), owned by the rpm
        run("rpm", "--root=" + root, "--dbpath=/var/lib/rpm", "-i", "--nodeps", "--noscripts", "--nosignature",
                build(work, "kesl", "12.1.0", "1297", "Kaspersky Endpoint Security for Linux (stand-in)",
                        "/opt/kaspersky/kesl", "/var/opt/kaspersky/kesl").toString());
        // the agent's folder left behind after its package was removed: owned by nothing
        Files.createDirectories(root.resolve("opt/kaspersky/klnagent64/bin"));
        Host host = Hosts.sandbox(root);

        PackageOwners owners = PackageOwners.of(host, List.of("/opt/kaspersky/kesl", "/var/opt/kaspersky/kesl",
                "/opt/kaspersky/klnagent64"), Cancellation.none());
        assertThat(owners.owner("/opt/kaspersky/kesl")).contains("kesl");
        assertThat(owners.owner("/var/opt/kaspersky/kesl")).contains("kesl");
        assertThat(owners.owner("/opt/kaspersky/klnagent64")).as("no package owns it").isEmpty();

        ScanReport report = Detector.standard(Clock.systemUTC()).scan(host, CatalogLoader.builtIn(), Progress.NONE,
                Cancellation.none());
        assertThat(report.complete()).as("sources failed: %s", report.sourcesFailed()).isTrue();
        Finding kesl = report.findings().stream().filter(f -> f.productId().equals("kesl")).findFirst().orElseThrow();
        assertThat(kesl.category()).isEqualTo(Category.PRODUCT);
        assertThat(report.findings()).filteredOn(f -> f.category() == Category.LEFTOVER)
                .as("an owned folder is never a leftover; the agent's orphaned folder is")
                .allSatisfy(f -> assertThat(f.evidence()).noneSatisfy(e -> assertThat(e.location()).contains("/kesl")))
                .anySatisfy(f -> assertThat(f.evidence()).anySatisfy(e -> assertThat(e.location()).contains("/opt/kaspersky/klnagent64")));
    }

    /** A noarch stand-in rpm holding a README in each folder: the folders are the package's, as %files lists them. */
    private Path build(Path work, String name, String version, String release, String summary, String... folders)
            throws Exception {
        Path top = work.resolve("rpmbuild-" + name);
        Path spec = Files.createDirectories(top.resolve("SPECS")).resolve(name + ".spec");
        List<String> lines = new java.util.ArrayList<>(List.of(
                "Name: " + name, "Version: " + version, "Release: " + release, "Summary: " + summary,
                "License: none", "BuildArch: noarch", "",
                "%description", "STAND-IN built by Riddance's tests; not the real product. Real name and layout only.", "",
                "%install"));
        for (String folder : folders) {
            lines.add("mkdir -p %{buildroot}" + folder);
            lines.add("echo stand-in > %{buildroot}" + folder + "/README");
        }
        lines.add("");
        lines.add("%files");
        lines.addAll(List.of(folders));
        lines.add("");
        Files.writeString(spec, String.join("\n", lines));
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
