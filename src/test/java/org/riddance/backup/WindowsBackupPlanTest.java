package org.riddance.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Category;
import org.riddance.catalog.CatalogLoader;
import org.riddance.detect.Evidence;
import org.riddance.detect.EvidenceKind;
import org.riddance.detect.Finding;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryValue;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/** Endpoint Security for Windows: folders from the product's own registry entry, licence facts, the registry key. */
class WindowsBackupPlanTest {

    private static final String LAB = "HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab";
    private static final String ENV = LAB + "\\protected\\KES.12.6\\environment";

    @TempDir
    Path root;
    @TempDir
    Path stick;

    @Test
    void plansFromTheRegistryAndWritesTheKeyAsARegFile() throws IOException {
        InMemoryRegistry registry = new InMemoryRegistry()
                .putValue(ENV, sz("ProductRoot", "C:\\Program Files (x86)\\Kaspersky Lab\\KES.12.6"))
                .putValue(ENV, sz("DataFolder", "C:\\ProgramData\\Kaspersky Lab\\KES.21.18\\"))
                .putValue(LAB + "\\protected\\KES.12.6\\Data", sz("LicKeyType", "Commercial"))
                .putValue(LAB + "\\protected\\KES.12.6\\Data",
                        new RegistryValue("LicDaysTillExpiration", RegistryValue.Type.DWORD, 212L))
                .putValue(LAB + "\\protected\\KES.12.6\\Data", sz("LicKey", "AAAAA-BBBBB-CCCCC-DDDDD"));
        Path qb = root.resolve("C/ProgramData/Kaspersky Lab/KES.21.18/QB");
        Files.createDirectories(qb);
        Files.write(qb.resolve("{0A1B}.klq"), new byte[2048]);
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, registry);
        Finding kes = new Finding("kes-windows", "Kaspersky Endpoint Security for Windows", "kaspersky", Category.PRODUCT,
                "12.6", OsFamily.WINDOWS, List.of(new Evidence(EvidenceKind.PRODUCT_REGISTRY_KEY, ENV, "KES 12.6")),
                List.of(), true);

        BackupPlan plan = new BackupPlanner(host, CatalogLoader.builtIn()).plan(List.of(kes), Progress.NONE,
                Cancellation.none());

        Map<String, PlannedItem> items = plan.items().stream().collect(Collectors.toMap(PlannedItem::key, i -> i));
        assertThat(items.get("kes-windows/backup-store").source()).isEqualTo("C:\\ProgramData\\Kaspersky Lab\\KES.21.18\\QB");
        assertThat(items.get("kes-windows/backup-store").bytes()).isEqualTo(2048);
        assertThat(items.get("kes-windows/reports").problem()).isEqualTo("Folder not found");
        assertThat(items.get("kes-windows/settings").source())
                .isEqualTo("C:\\Program Files (x86)\\Kaspersky Lab\\KES.12.6\\avp.com EXPORT <export file>");
        assertThat(items.get("kes-windows/settings").problem()).contains("not there");
        assertThat(plan.licences()).singleElement().satisfies(l -> {
            assertThat(l.keyType()).isEqualTo("Commercial");
            assertThat(l.expiry()).isEqualTo("212 days left");
        });

        WrittenBackup written = BackupFixtures.backUp(host, Clock.systemUTC(), plan, stick, Progress.NONE,
                Cancellation.none());
        assertThat(written.manifest().entries()).extracting(ManifestEntry::path)
                .containsExactlyInAnyOrder("kes-windows/backup-store/{0A1B}.klq", "kes-windows/registry/KasperskyLab.reg");
        assertThat(new String(written.manifest().toJson())).as("licence facts, never the key")
                .contains("Commercial").doesNotContain("AAAAA-BBBBB");
        assertThat(ReadBack.verify(written, host, Progress.NONE, Cancellation.none()).problems()).isEmpty();
    }

    private static RegistryValue sz(String name, String text) {
        return new RegistryValue(name, RegistryValue.Type.SZ, text);
    }
}
