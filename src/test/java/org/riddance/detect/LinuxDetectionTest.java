package org.riddance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.catalog.Category;
import org.riddance.demo.DemoSandbox;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/** The real dpkg and systemctl against a sandbox of stand-in packages, decoys and leftovers. */
class LinuxDetectionTest {

    @TempDir
    static Path root;
    static ScanReport report;

    @BeforeAll
    static void scanTheDemoSandbox() throws Exception {
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        Files.createDirectories(root.resolve("proc/4242"));
        Files.writeString(root.resolve("proc/4242/comm"), "kesl\n");
        Files.writeString(root.resolve("proc/modules"), "ext4 1000000 2 - Live 0x0000000000000000\n"
                + "kl5kusb105 20480 0 - Live 0x0000000000000000\n");
        Host host = Hosts.sandbox(root);
        report = Detector.standard(Clock.systemUTC()).scan(host, CatalogLoader.builtIn(), Progress.NONE, Cancellation.none());
    }

    @Test
    void findsEndpointSecurityWithEvidenceFromThePackageDatabaseSystemdFoldersAndProcesses() {
        Finding kesl = finding("kesl");
        assertThat(kesl.product()).isEqualTo("Kaspersky Endpoint Security for Linux");
        assertThat(kesl.category()).isEqualTo(Category.PRODUCT);
        assertThat(kesl.version()).isEqualTo("12.1.0-1297");
        assertThat(kesl.evidence()).extracting(Evidence::kind).contains(EvidenceKind.PACKAGE, EvidenceKind.SYSTEMD_UNIT,
                EvidenceKind.FOLDER, EvidenceKind.PROCESS);
        assertThat(kesl.evidence()).anySatisfy(e -> assertThat(e.location()).isEqualTo("kesl.service"));
        assertThat(kesl.evidence()).anySatisfy(e -> assertThat(e.location()).isEqualTo("/opt/kaspersky/kesl"));
        assertThat(kesl.citations()).extracting(c -> c.id()).contains("bod-17-01", "ndaa-fy2018-1634", "bis-icts-2021-002");
        assertThat(kesl.removable()).isTrue();
    }

    @Test
    void findsTheManagementAgentAndGivesItTheAgentCategory() {
        Finding agent = finding("ksc-network-agent");
        assertThat(agent.category()).isEqualTo(Category.MANAGEMENT_AGENT);
        assertThat(agent.version()).isEqualTo("14.2.0-35148");
        assertThat(agent.evidence()).anySatisfy(e -> assertThat(e.location()).isEqualTo("/opt/kaspersky/klnagent"));
    }

    @Test
    void foldersOfAnUninstalledProductAreReportedAsItsLeftovers() {
        Finding leftovers = finding("kav4fs-leftovers");
        assertThat(leftovers.category()).isEqualTo(Category.LEFTOVER);
        assertThat(leftovers.product()).isEqualTo("Kaspersky Anti-Virus for Linux File Server (leftovers)");
        assertThat(leftovers.evidence()).extracting(Evidence::location)
                .containsExactlyInAnyOrder("/var/opt/kaspersky/kav4fs", "/var/log/kaspersky/kav4fs");
    }

    @Test
    void lookAlikesAreNeverFlagged() {
        String everything = report.findings().toString();
        assertThat(everything).doesNotContain("klavaro", "kasumi", "kasperle", "Kasperle", "kl5kusb105");
        assertThat(report.findings()).extracting(Finding::productId)
                .containsExactlyInAnyOrder("kesl", "ksc-network-agent", "kav4fs-leftovers");
    }

    @Test
    void theScanIsCompleteAndSaysWhatItLookedAt() {
        assertThat(report.complete()).as("failed: %s", report.sourcesFailed()).isTrue();
        assertThat(report.sourcesScanned()).contains("dpkg package database", "systemd units and init scripts",
                "Vendor folders and leftovers", "running processes", "loaded kernel modules");
        assertThat(report.sandbox()).isTrue();
        assertThat(report.hostname()).isEqualTo("demo-pc");
    }

    @Test
    void aRemovedButNotPurgedPackageIsALeftover() throws Exception {
        Path box = Files.createTempDirectory("riddance-rc");
        DemoSandbox.build(box, new SystemProcessRunner(), Cancellation.none());
        var runner = new SystemProcessRunner();
        assertThat(runner.run(DemoSandbox.dpkg(box).args("--remove", "kesl").build()).succeeded()).isTrue();

        ScanReport after = Detector.standard(Clock.systemUTC())
                .scan(Hosts.sandbox(box), CatalogLoader.builtIn(), Progress.NONE, Cancellation.none());

        Finding kesl = after.findings().stream().filter(f -> f.productId().equals("kesl-leftovers")).findFirst().orElseThrow();
        assertThat(kesl.category()).isEqualTo(Category.LEFTOVER);
        assertThat(kesl.evidence()).anySatisfy(e -> assertThat(e.detail()).contains("config-files"));
    }

    private static Finding finding(String id) {
        List<Finding> matching = report.findings().stream().filter(f -> f.productId().equals(id)).toList();
        assertThat(matching).as("finding %s among %s", id, report.findings().stream().map(Finding::productId).toList())
                .hasSize(1);
        return matching.get(0);
    }
}
