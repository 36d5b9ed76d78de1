package org.riddance.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.detect.Detector;
import org.riddance.detect.Finding;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.StandInRpm;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Issue 14 on an rpm system: the complete back-up asks the real {@code rpm -qc} and {@code rpm -V} (against the
 * sandbox's own database) which files of a package are its configuration and which differ from what it shipped,
 * keeps both, and the archive gives them back. Stand-in kesl laid out as Kaspersky's RHEL package (reference:
 * kes-for-linux 12: /opt/kaspersky/kesl, /etc/opt/kaspersky/kesl, /var/opt/kaspersky/kesl).
 */
class RpmBackupTest {

    @TempDir
    Path work;

    @Test
    void thePlanHoldsTheConffilesAndTheChangedFilesAndTheArchiveRestoresThem() throws Exception {
        StandInRpm.assumeTools();
        Path root = Files.createDirectories(work.resolve("root"));
        StandInRpm.initDb(root);
        StandInRpm.install(root, work, "kesl", "12.1.0", "Kaspersky Endpoint Security for Linux (stand-in)", Map.of(
                        "opt/kaspersky/kesl/bin/kesl", "stand-in for the KESL service binary\n",
                        "usr/bin/kesl-control", "#!/bin/sh\necho stand-in kesl-control\n",
                        "etc/opt/kaspersky/kesl/kesl.conf", "# stand-in configuration\nUseFanotify=yes\n",
                        "etc/opt/kaspersky/kesl/update.conf", "# stand-in update settings, as shipped\n"),
                Set.of("etc/opt/kaspersky/kesl/kesl.conf", "etc/opt/kaspersky/kesl/update.conf"));
        // the customer's own settings in a conffile, and a package file patched on this PC
        Files.writeString(root.resolve("etc/opt/kaspersky/kesl/kesl.conf"), "# customer settings\nUseFanotify=no\n");
        Files.writeString(root.resolve("usr/bin/kesl-control"), "#!/bin/sh\n# patched by the customer\n");
        Host host = Hosts.sandbox(root);
        Catalog catalog = CatalogLoader.builtIn();
        List<Finding> findings = Detector.standard(Clock.systemUTC()).scan(host, catalog, Progress.NONE,
                Cancellation.none()).findings();
        assertThat(findings).extracting(Finding::productId).contains("kesl");

        BackupPlan plan = new BackupPlanner(host, catalog).plan(findings, Progress.NONE, Cancellation.none());

        PlannedItem packageFiles = plan.items().stream().filter(i -> i.key().equals("kesl/package-kesl")).findFirst()
                .orElseThrow(() -> new AssertionError("no package item in " + plan.items()));
        assertThat(packageFiles.source()).contains("rpm -qc, rpm -V");
        assertThat(packageFiles.paths()).as("both conffiles (rpm -qc) and the changed file (rpm -V)")
                .contains("/etc/opt/kaspersky/kesl/kesl.conf", "/etc/opt/kaspersky/kesl/update.conf",
                        "/usr/bin/kesl-control")
                .doesNotContain("/opt/kaspersky/kesl/bin/kesl"); // unchanged: the package gives it back

        BackupWriter writer = new BackupWriter(host, Clock.systemUTC(), "test");
        Path stick = Files.createDirectories(work.resolve("stick"));
        WrittenBackup written = writer.write(plan, writer.archiveIn(stick), "s1", Progress.NONE, Cancellation.none());
        assertThat(ReadBack.verify(written, host, Progress.NONE, Cancellation.none()).problems()).isEmpty();
        assertThat(written.manifest().covers()).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Manifest.Covered.PACKAGE);
            assertThat(c.source()).isEqualTo("kesl");
        });

        Path restored = work.resolve("restored");
        assertThat(Restorer.restore(written.archive(), restored, Progress.NONE, Cancellation.none()).refused()).isEmpty();
        assertThat(restored.resolve("kesl/package-kesl/etc/opt/kaspersky/kesl/kesl.conf"))
                .hasContent("# customer settings\nUseFanotify=no");
        assertThat(restored.resolve("kesl/package-kesl/etc/opt/kaspersky/kesl/update.conf"))
                .hasContent("# stand-in update settings, as shipped");
        assertThat(restored.resolve("kesl/package-kesl/usr/bin/kesl-control"))
                .hasContent("#!/bin/sh\n# patched by the customer");
    }
}
