package org.riddance.detect;

import org.riddance.platform.TestPlatform;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riddance.catalog.CatalogLoader;
import org.riddance.catalog.Category;
import org.riddance.catalog.Citation;
import org.riddance.platform.AntivirusRegistration;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.SecurityCenter;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegFileParser;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/** Offline scans of registry exports, as a technician would scan a PC's export on another machine. */
class WindowsDetectionTest {

    @Test
    void endpointSecurityWithNetworkAgentDriversFiltersAndAStrayKey() throws Exception {
        ScanReport report = scan("kaspersky-kes-windows.reg");

        assertThat(ids(report)).containsExactlyInAnyOrder("kes-windows", "ksc-network-agent", "kaspersky-leftover");
        Finding kes = find(report, "kes-windows");
        assertThat(kes.version()).isEqualTo("11.11.0.452");
        assertThat(kes.category()).isEqualTo(Category.PRODUCT);
        assertThat(kes.evidence()).extracting(Evidence::kind).contains(EvidenceKind.UNINSTALL_ENTRY,
                EvidenceKind.PRODUCT_REGISTRY_KEY, EvidenceKind.SERVICE, EvidenceKind.DRIVER, EvidenceKind.UPPER_FILTER);
        assertThat(kes.evidence()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EvidenceKind.UPPER_FILTER);
            assertThat(e.detail()).contains("keyboard UpperFilters [klkbdflt, kbdclass]");
        });
        assertThat(kes.evidence()).filteredOn(e -> e.kind() == EvidenceKind.DRIVER)
                .extracting(Evidence::location).allSatisfy(l -> assertThat(l).contains("\\Services\\"))
                .anySatisfy(l -> assertThat(l).endsWith("\\klif"));

        Finding agent = find(report, "ksc-network-agent");
        assertThat(agent.category()).isEqualTo(Category.MANAGEMENT_AGENT);
        assertThat(agent.version()).isEqualTo("14.0.0.10902");
        assertThat(agent.evidence()).extracting(Evidence::kind).contains(EvidenceKind.UNINSTALL_ENTRY, EvidenceKind.SERVICE);

        Finding stray = find(report, "kaspersky-leftover");
        assertThat(stray.category()).isEqualTo(Category.LEFTOVER);
        assertThat(stray.evidence()).singleElement()
                .satisfies(e -> assertThat(e.location()).endsWith("\\protected\\AVP21.3"));

        assertThat(report.findings().toString()).doesNotContain("Kasperle", "Firefox");
        assertThat(report.hostname()).as("named from the export").isEqualTo("RECEPTION-PC");
        assertThat(report.os()).contains("Windows 10 Pro 22H2 build 19045");
    }

    @Test
    void aKasperskyDriverInAnotherVendorsFolderIsAnEmbeddedEngine() throws Exception {
        ScanReport report = scan("embedded-engine.reg");

        assertThat(ids(report)).containsExactly("kaspersky-embedded-engine");
        Finding engine = report.findings().get(0);
        assertThat(engine.category()).isEqualTo(Category.EMBEDDED_ENGINE);
        assertThat(engine.product()).isEqualTo("Kaspersky Lab engine embedded in another product");
        assertThat(engine.evidence()).singleElement().satisfies(e ->
                assertThat(e.detail()).contains("loaded from another vendor's folder").contains("kavdrivers\\klif.sys"));
        assertThat(engine.citations()).extracting(Citation::id)
                .as("BOD 17-01 excludes embedded code; NDAA/FAR and the BIS determination cover it")
                .doesNotContain("bod-17-01").contains("ndaa-fy2018-1634", "far-52-204-23", "bis-icts-2021-002");
        assertThat(engine.removable()).isFalse();
        assertThat(report.findings().toString()).doesNotContain("Baidu Antivirus 5", "Notepad");
    }

    @Test
    void russianAndFrenchNamesAndAPerUserInstall() throws Exception {
        ScanReport ru = scan("localized-ru.reg");
        Finding kes = find(ru, "kes-windows");
        assertThat(kes.version()).isEqualTo("10.2.2.10535");
        assertThat(kes.evidence()).anySatisfy(e -> assertThat(e.detail())
                .contains("Kaspersky Endpoint Security 10 для Windows").contains("Лаборатория Касперского"));
        assertThat(find(ru, "kaspersky-password-manager").evidence())
                .anySatisfy(e -> assertThat(e.location()).startsWith("HKEY_CURRENT_USER"));

        ScanReport fr = scan("localized-fr.reg");
        assertThat(find(fr, "ksc-network-agent").evidence())
                .anySatisfy(e -> assertThat(e.detail()).contains("Agent d'administration de Kaspersky Security Center"));
    }

    @Test
    void securityCenterEntriesAreEvidenceAndAStaleOneIsALeftover() throws Exception {
        Path root = Files.createTempDirectory("riddance-sc");
        Path exe = root.resolve("C/Program Files (x86)/Kaspersky Lab/Kaspersky Endpoint Security for Windows/wmiav.exe");
        Files.createDirectories(exe.getParent());
        Files.writeString(exe, "stand-in");
        SecurityCenter center = TestPlatform.securityCenter(List.of(
                new AntivirusRegistration("Kaspersky Endpoint Security for Windows", 266240,
                        "C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Endpoint Security for Windows\\wmiav.exe",
                        "{86367591-4BE4-AE08-2FD9-7FCB8259CD98}"),
                new AntivirusRegistration("Kaspersky Internet Security", 397312,
                        "%ProgramFiles(x86)%\\Kaspersky Lab\\Kaspersky Internet Security 21.3\\wmiav.exe", "{11111111-0000}"),
                new AntivirusRegistration("Windows Defender", 397568, "windowsdefender://", "{D68DDC3A-831F-4fae-9E44-DA132C1ACF46}")));
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, RegFileParser.parse(Path.of("src/test/resources/registry/kaspersky-kes-windows.reg")))
                .withSecurityCenter(center);

        ScanReport report = Detector.standard(Clock.systemUTC()).scan(host, CatalogLoader.builtIn(), Progress.NONE, Cancellation.none());

        assertThat(find(report, "kes-windows").evidence()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EvidenceKind.SECURITY_CENTER);
            assertThat(e.detail()).contains("productState 0x41000");
        });
        assertThat(find(report, "kaspersky-leftover").evidence()).anySatisfy(e ->
                assertThat(e.detail()).contains("Kaspersky Internet Security").contains("stale"));
        assertThat(report.findings().toString()).doesNotContain("Windows Defender");
    }

    static ScanReport scan(String fixture) throws Exception {
        Path file = Path.of("src/test/resources/registry", fixture);
        Path emptyRoot = Files.createTempDirectory("riddance-offline");
        try {
            return Detector.standard(Clock.systemUTC()).scan(
                    Hosts.sandbox(emptyRoot, OsFamily.WINDOWS, RegFileParser.parse(file)),
                    CatalogLoader.builtIn(), Progress.NONE, Cancellation.none());
        } finally {
            Files.delete(emptyRoot); // the scan only reads it; left behind, every test run added one to /tmp
        }
    }

    private static List<String> ids(ScanReport report) {
        return report.findings().stream().map(Finding::productId).toList();
    }

    private static Finding find(ScanReport report, String id) {
        return report.findings().stream().filter(f -> f.productId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + ids(report)));
    }
}
