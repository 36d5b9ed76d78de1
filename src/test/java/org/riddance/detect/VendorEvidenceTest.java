package org.riddance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.catalog.Category;
import org.riddance.catalog.DriverNames;
import org.riddance.catalog.Vendor;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryValue;
import org.riddance.platform.StandInSigning;
import org.riddance.removal.RemovalItem;
import org.riddance.removal.RemovalMethod;
import org.riddance.removal.RemovalPlanner;
import org.riddance.removal.Passwords;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/** The rules of decision 0010 one by one, on small machines built in the test. */
class VendorEvidenceTest {

    static final Catalog CATALOG = CatalogLoader.builtIn();
    static final String SERVICES = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\";
    static final String UNINSTALL = "HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\";

    @Test
    void buildTagsComeOffWhereverTheyStand() {
        assertThat(DriverNames.base("klif.K4W-21-25")).isEqualTo("klif");
        assertThat(DriverNames.base("klupd_K4W-21-25_arkmon")).isEqualTo("klupd_arkmon");
        assertThat(DriverNames.base("klvssbridge64_21.25")).isEqualTo("klvssbridge64");
        assertThat(DriverNames.base("AVP21.3")).as("no separator before the version: the name itself").isEqualTo("avp21.3");
        assertThat(DriverNames.tag("kneps.K4W-21-25")).isEqualTo("K4W-21-25");
        assertThat(DriverNames.same("klkbdflt", "klkbdflt.K4W-21-26")).isTrue();
        assertThat(DriverNames.same("klkbdflt", "klkbdfltx")).isFalse();
        assertThat(DriverNames.same("klif", "klifx.K4W-21-25")).isFalse();
        assertThat(CATALOG.driver("kbdclass")).isEmpty();
        assertThat(CATALOG.driver("KslD")).isEmpty();
    }

    @Test
    void anUnlistedServiceIsTheVendorsByItsFolderOrItsSignature(@TempDir Path root) throws Exception {
        Path signed = root.resolve("C/Tools/Helper/helper.exe");
        Files.createDirectories(signed.getParent());
        Files.write(signed, StandInSigning.peSignedBy("CN=AO Kaspersky Lab, O=AO Kaspersky Lab"));
        Path unsigned = root.resolve("C/Tools/Other/other.exe");
        Files.createDirectories(unsigned.getParent());
        Files.write(unsigned, StandInSigning.peUnsigned());
        InMemoryRegistry registry = new InMemoryRegistry();
        service(registry, "SecureConnectionHelper", 16,
                "\"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky VPN Secure Connection 5.21\\ksde.exe\" -service");
        service(registry, "kltapx", 1, "\\SystemRoot\\System32\\drivers\\K4W-21-25\\kltapx.sys");
        service(registry, "HelperSvc", 16, "C:\\Tools\\Helper\\helper.exe");
        service(registry, "OtherSvc", 16, "C:\\Tools\\Other\\other.exe");

        ScanReport report = Detector.standard(Clock.systemUTC()).scan(Hosts.sandbox(root, OsFamily.WINDOWS, registry),
                CATALOG, Progress.NONE, Cancellation.none());

        assertThat(finding(report, "kaspersky-leftover").evidence()).extracting(Evidence::location)
                .anySatisfy(l -> assertThat(l).endsWith("\\SecureConnectionHelper"))
                .anySatisfy(l -> assertThat(l).endsWith("\\HelperSvc"));
        assertThat(finding(report, "kaspersky-leftover").evidence()).anySatisfy(e ->
                assertThat(e.detail()).contains("image signed by \"AO Kaspersky Lab\""));
        assertThat(finding(report, "kaspersky-driver").evidence()).singleElement()
                .satisfies(e -> assertThat(e.location()).endsWith("\\kltapx"));
        assertThat(report.findings().toString()).doesNotContain("OtherSvc");
    }

    @Test
    void anUnlistedProductOfTheVendorStillGetsASafeRemovalPath(@TempDir Path root) throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry();
        String code = "{2924BEDA-E0D7-4DAF-A224-50D2E0B12F5B}";
        sz(registry, UNINSTALL + code, "DisplayName", "Kaspersky Something New 2027");
        sz(registry, UNINSTALL + code, "Publisher", "AO Kaspersky Lab");
        sz(registry, UNINSTALL + code, "UninstallString", "MsiExec.exe /X" + code);
        sz(registry, UNINSTALL + "NoCode", "DisplayName", "Kaspersky Other Thing");
        sz(registry, UNINSTALL + "NoCode", "Publisher", "AO Kaspersky Lab");
        var host = Hosts.sandbox(root, OsFamily.WINDOWS, registry);
        ScanReport report = Detector.standard(Clock.systemUTC()).scan(host, CATALOG, Progress.NONE, Cancellation.none());

        RemovalPlanner planner = new RemovalPlanner(CATALOG, host, root.resolve("session"));
        RemovalItem withCode = planner.item(finding(report, "kaspersky-unlisted-kaspersky-something-new-2027"), Passwords.none());
        RemovalItem without = planner.item(finding(report, "kaspersky-unlisted-kaspersky-other-thing"), Passwords.none());

        assertThat(finding(report, "kaspersky-unlisted-kaspersky-something-new-2027").removable()).isTrue();
        assertThat(finding(report, "kaspersky-unlisted-kaspersky-other-thing").removable())
                .as("no MSI code: the technician runs kavremover").isFalse();
        assertThat(withCode.method()).isEqualTo(RemovalMethod.MSI);
        assertThat(withCode.actions().toString()).contains("/x", code, "/qn");
        assertThat(without.blocked()).get().asString().contains("kavremover");
    }

    @Test
    void theAgentsServerIsNamedWithTheWarning(@TempDir Path root) throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry();
        sz(registry, UNINSTALL + "{B9518725-0B76-4793-A409-C6794442FCE6}", "DisplayName", "Kaspersky Security Center Network Agent");
        sz(registry, UNINSTALL + "{B9518725-0B76-4793-A409-C6794442FCE6}", "Publisher", "AO Kaspersky Lab");
        sz(registry, "HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab\\Components\\34\\1103\\1.0.0.0\\Statistics\\AVState",
                "Protection_AdmServer", "10.0.4.20:14000");
        ScanReport report = Detector.standard(Clock.systemUTC()).scan(Hosts.sandbox(root, OsFamily.WINDOWS, registry),
                CATALOG, Progress.NONE, Cancellation.none());

        Finding agent = finding(report, "ksc-network-agent");
        assertThat(agent.category()).isEqualTo(Category.MANAGEMENT_AGENT);
        assertThat(agent.managementServers()).containsExactly("10.0.4.20:14000");
        assertThat(agent.evidence()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EvidenceKind.MANAGEMENT_SERVER);
            assertThat(e.detail()).contains("10.0.4.20:14000", "may install the product again", "out of its management");
        });
        assertThat(report.findings()).extracting(Finding::productId).containsExactly("ksc-network-agent");
    }

    @Test
    void aServerAddressThatIsNotAnAddressIsNotShown(@TempDir Path root) throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry();
        sz(registry, "HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab\\Components\\34\\1103\\1.0.0.0\\Statistics\\AVState",
                "Protection_AdmServer", "\u001b[31mrm -rf /");
        ScanReport report = Detector.standard(Clock.systemUTC()).scan(Hosts.sandbox(root, OsFamily.WINDOWS, registry),
                CATALOG, Progress.NONE, Cancellation.none());

        assertThat(report.findings()).flatExtracting(Finding::evidence).noneMatch(e -> e.kind() == EvidenceKind.MANAGEMENT_SERVER);
    }

    /**
     * Issue 13: a server product's folders were folded into another finding, or called leftovers, while dpkg
     * still owned them. Here the real {@code dpkg-query -S} says who owns each folder under /opt/kaspersky.
     */
    @Test
    void aFolderAnInstalledPackageOwnsStaysWithThatPackage(@TempDir Path root) throws Exception {
        Path dpkg = Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        String kaspersky = "Kaspersky Lab <support@kaspersky.com>";
        Files.writeString(dpkg.getParent().resolve("status"), stanza("kesl", kaspersky) + stanza("kav4proxy", kaspersky)
                + stanza("kwts", kaspersky) + stanza("kasumi", "Debian Input Method Team <debian-input-method@lists.debian.org>"));
        for (String pkg : List.of("kesl", "kav4proxy", "kwts")) {
            Files.createDirectories(root.resolve("opt/kaspersky/" + pkg));
            Files.writeString(dpkg.resolve(pkg + ".list"), "/opt\n/opt/kaspersky\n/opt/kaspersky/" + pkg + "\n");
        }
        Files.createDirectories(root.resolve("opt/kaspersky/old-product"));

        ScanReport report = Detector.standard(Clock.systemUTC()).scan(Hosts.sandbox(root), CATALOG, Progress.NONE,
                Cancellation.none());

        assertThat(finding(report, "kav4proxy").evidence()).anySatisfy(e -> {
            assertThat(e.location()).isEqualTo("/opt/kaspersky/kav4proxy");
            assertThat(e.detail()).contains("owned by the package kav4proxy");
        });
        assertThat(finding(report, "kaspersky-unlisted-kwts").evidence()).extracting(Evidence::location)
                .contains("kwts", "/opt/kaspersky/kwts");
        assertThat(finding(report, "kaspersky-unlisted-kwts").removable()).as("its package can be purged").isTrue();
        assertThat(finding(report, "kesl").evidence()).extracting(Evidence::location)
                .contains("/opt/kaspersky/kesl").doesNotContain("/opt/kaspersky/kav4proxy", "/opt/kaspersky/kwts");
        // a folder no package owns is a vendor part: it joins an installed product (rule 3 of decision 0003)
        assertThat(report.findings()).flatExtracting(Finding::evidence).extracting(Evidence::location)
                .containsOnlyOnce("/opt/kaspersky/old-product");
        assertThat(report.findings()).noneMatch(f -> f.category() == Category.LEFTOVER);
        assertThat(report.findings().toString()).doesNotContain("kasumi");
    }

    /**
     * The uninstall scan asks a publisher once per scan; its answer must stay the catalog's, vendor order included:
     * a vendor listed first that names a program wins over a later one that publishes it. Publishers and names as
     * the reference gives them (English, Russian, a lookalike that is not the vendor's).
     */
    @Test
    void aPublisherAskedOnceAnswersAsTheCatalogDoesInVendorOrder() {
        Vendor kaspersky = CATALOG.vendors().get(0);
        Vendor first = new Vendor("example", "Example Corp",
                List.of("^example corp$"), List.of("\\bsecurity center\\b"), List.of(), List.of(), List.of(),
                kaspersky.citations());
        Catalog twoVendors = new Catalog(CATALOG.format(), CATALOG.version(), CATALOG.published(), CATALOG.sha256(),
                CATALOG.source(), CATALOG.citations(), List.of(first, kaspersky), CATALOG.products(), CATALOG.drivers(),
                CATALOG.leftovers(), CATALOG.embedded());
        List<String> publishers = List.of("AO Kaspersky Lab", "АО «Лаборатория Касперского»", "Example Corp",
                "Kasperle Software GmbH", "Microsoft Corporation", "");
        List<String> names = List.of("Kaspersky Security Center Network Agent",
                "Агент администрирования Kaspersky Security Center", "Kaspersky Endpoint Security 10 для Windows",
                "Kasperle Kinderspiele 2", "Microsoft Edge", "");
        Publishers once = new Publishers(twoVendors);
        for (int round = 0; round < 2; round++) { // the second round answers from what the first one asked
            for (String publisher : publishers) {
                for (String name : names) {
                    assertThat(once.claiming(publisher, name)).as(publisher + " / " + name)
                            .isEqualTo(twoVendors.vendorClaiming(publisher, name));
                }
            }
        }
        assertThat(once.claiming("AO Kaspersky Lab", "Kaspersky Security Center Network Agent")).contains(first);
        assertThat(once.claiming("AO Kaspersky Lab", "Kaspersky Endpoint Security 10 для Windows")).contains(kaspersky);
        assertThat(once.claiming("Kasperle Software GmbH", "Kasperle Kinderspiele 2")).isEmpty();
    }

    private static String stanza(String name, String maintainer) {
        return "Package: " + name + "\nStatus: install ok installed\nMaintainer: " + maintainer
                + "\nArchitecture: amd64\nVersion: 1.0-1\nDescription: stand-in for a Riddance test\n\n";
    }

    private static Finding finding(ScanReport report, String id) {
        Optional<Finding> f = report.findings().stream().filter(x -> x.productId().equals(id)).findFirst();
        return f.orElseThrow(() -> new AssertionError(id + " not among " + report.findings().stream().map(Finding::productId).toList()));
    }

    private static void service(InMemoryRegistry registry, String name, long type, String image) {
        registry.putValue(SERVICES + name, new RegistryValue("Type", RegistryValue.Type.DWORD, type));
        sz(registry, SERVICES + name, "ImagePath", image);
    }

    private static void sz(InMemoryRegistry registry, String key, String name, String value) {
        registry.putValue(key, new RegistryValue(name, RegistryValue.Type.SZ, value));
    }
}
