package org.riddance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.catalog.Category;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryValue;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Issue 13's corpus: every Kaspersky identifier collected from public material
 * ({@code src/test/resources/corpus/kaspersky-identifiers.tsv}, sources in {@code docs/catalog-sources.md}) is put
 * alone on a machine of its own, a Windows registry in memory, a Linux root whose dpkg database the real
 * {@code dpkg-query} reads, or a macOS root, and the full scan must find it under the right product with the right kind of
 * evidence. Each decoy, alone the same way, must give no finding at all.
 */
class KasperskyCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/corpus/kaspersky-identifiers.tsv");
    static final Path SOURCES = Path.of("docs/catalog-sources.md");
    static final String SOFTWARE = "HKEY_LOCAL_MACHINE\\SOFTWARE";
    static final String UNINSTALL = SOFTWARE + "\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall";
    static final String SERVICES = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services";
    static final String CLASS = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Class\\";
    static final Catalog CATALOG = CatalogLoader.builtIn();

    record Row(String kind, String identifier, String extra, String expected, String evidence, String source) {
        boolean decoy() {
            return expected.equals("-");
        }

        @Override
        public String toString() {
            return kind + " " + identifier + (decoy() ? " (decoy)" : " -> " + expected);
        }
    }

    static List<Row> rows() throws IOException {
        return Files.readAllLines(CORPUS, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#") && !l.startsWith("kind\t") && !l.isBlank())
                .map(l -> l.split("\t", -1))
                .map(c -> new Row(c[0], c[1], c[2], c[3], c[4], c[5]))
                .toList();
    }

    static Stream<Row> kaspersky() throws IOException {
        return rows().stream().filter(r -> !r.decoy());
    }

    static Stream<Row> decoys() throws IOException {
        return rows().stream().filter(Row::decoy);
    }

    @Test
    void theCorpusIsLargeEnoughAndEverySourceIsExplained() throws IOException {
        List<Row> rows = rows();
        assertThat(rows.stream().filter(r -> !r.decoy() && !r.source().equals("rule")).count())
                .as("researched Kaspersky identifiers").isGreaterThanOrEqualTo(60);
        assertThat(rows.stream().filter(Row::decoy).count()).as("look-alike decoys").isGreaterThanOrEqualTo(15);
        assertThat(rows.stream().filter(r -> !r.decoy()).map(Row::evidence).collect(Collectors.toSet()))
                .as("kinds of evidence covered")
                .contains("uninstall-entry", "service", "driver", "upper-filter", "product-registry-key", "folder",
                        "package", "init-script", "management-server", "sdk-folder", "pkg-receipt", "launchd-item",
                        "app-bundle", "system-extension");
        String sources = Files.readString(SOURCES, StandardCharsets.UTF_8);
        Set<String> explained = Pattern.compile("`([a-z0-9-]+)`").matcher(sources).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(rows.stream().map(Row::source).distinct()).as("every source id in docs/catalog-sources.md")
                .allSatisfy(id -> assertThat(explained).contains(id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kaspersky")
    void everyKasperskyIdentifierIsFoundUnderItsProduct(Row row, @TempDir Path root) throws IOException {
        ScanReport report = scan(row, root);

        Finding finding = report.findings().stream().filter(f -> f.productId().equals(row.expected())).findFirst()
                .orElseThrow(() -> new AssertionError(row + " not found; findings: "
                        + report.findings().stream().map(Finding::productId).toList()));
        assertThat(finding.evidence()).as(row.toString()).anySatisfy(e -> {
            assertThat(e.kind().id()).isEqualTo(row.evidence());
            assertThat((e.location() + " " + e.detail()).toLowerCase(Locale.ROOT))
                    .contains(shown(row).toLowerCase(Locale.ROOT));
        });
        if (row.kind().endsWith("agent-server")) {
            assertThat(finding.managementServers()).containsExactly(row.extra());
            assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.detail()).contains("may install the product again"));
        }
        if (row.kind().equals("linux-package-folder")) {
            assertThat(report.findings()).as("a folder its package owns is no leftover")
                    .noneMatch(f -> f.category() == Category.LEFTOVER);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoys")
    void noDecoyIsFlagged(Row row, @TempDir Path root) throws IOException {
        assertThat(scan(row, root).findings()).as(row.toString()).isEmpty();
    }

    /** What the evidence must name: the identifier, or for an owned folder the folder. */
    private static String shown(Row row) {
        return switch (row.kind()) {
            case "linux-package-folder" -> row.extra();
            case "win-agent-server", "linux-agent-server" -> row.extra();
            default -> row.identifier();
        };
    }

    static ScanReport scan(Row row, Path root) throws IOException {
        Host host = row.kind().startsWith("win-") ? windows(row, root)
                : row.kind().startsWith("mac-") ? mac(row, root) : linux(row, root);
        return Detector.standard(Clock.systemUTC()).scan(host, CATALOG, Progress.NONE, Cancellation.none());
    }

    private static Host windows(Row row, Path root) throws IOException {
        InMemoryRegistry registry = new InMemoryRegistry();
        String id = row.identifier();
        switch (row.kind()) {
            case "win-uninstall" -> {
                String key = UNINSTALL + "\\{2924BEDA-E0D7-4DAF-A224-50D2E0B12F5B}";
                sz(registry, key, "DisplayName", id);
                sz(registry, key, "Publisher", row.extra());
                sz(registry, key, "DisplayVersion", "21.3.10.391");
                sz(registry, key, "UninstallString", "MsiExec.exe /X{2924BEDA-E0D7-4DAF-A224-50D2E0B12F5B}");
            }
            case "win-service", "win-driver", "win-image-service" -> {
                String key = SERVICES + "\\" + id;
                registry.putValue(key, new RegistryValue("Type", RegistryValue.Type.DWORD, row.kind().equals("win-driver") ? 1L : 16L));
                if (!row.extra().equals("-")) {
                    sz(registry, key, "ImagePath", row.extra());
                }
            }
            case "win-filter" -> {
                String guid = row.extra().equals("mouse") ? WindowsServiceScanner.MOUSE_CLASS : WindowsServiceScanner.KEYBOARD_CLASS;
                String base = row.extra().equals("mouse") ? "mouclass" : "kbdclass";
                registry.putValue(CLASS + guid, new RegistryValue("UpperFilters", RegistryValue.Type.MULTI_SZ,
                        id.equals(base) ? List.of(base) : List.of(id, base)));
            }
            case "win-product-key" -> sz(registry, SOFTWARE + "\\WOW6432Node\\KasperskyLab\\" + id + "\\environment",
                    "ProductVersion", "15.0.2.361");
            case "win-folder" -> Files.createDirectories(root.resolve(id.replace("C:\\", "C/").replace('\\', '/')));
            case "win-agent-server" -> {
                String key = UNINSTALL + "\\{2924BEDA-E0D7-4DAF-A224-50D2E0B12F5B}";
                sz(registry, key, "DisplayName", "Kaspersky Security Center Network Agent");
                sz(registry, key, "Publisher", "AO Kaspersky Lab");
                sz(registry, SOFTWARE + "\\WOW6432Node\\KasperskyLab\\Components\\34\\1103\\1.0.0.0\\Statistics\\AVState",
                        id, row.extra());
            }
            default -> throw new IllegalArgumentException("unknown corpus kind " + row.kind());
        }
        return Hosts.sandbox(root, OsFamily.WINDOWS, registry);
    }

    private static Host linux(Row row, Path root) throws IOException {
        Path dpkg = Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        StringBuilder status = new StringBuilder();
        switch (row.kind()) {
            case "linux-package" -> status.append(stanza(row.identifier(), row.extra()));
            case "linux-package-folder" -> {
                status.append(stanza(row.identifier(), "Kaspersky Lab <support@kaspersky.com>"));
                Files.createDirectories(root.resolve(row.extra().substring(1)));
                // dpkg lists every folder a package ships, parents included
                StringBuilder list = new StringBuilder();
                Matcher parts = Pattern.compile("/[^/]+").matcher(row.extra());
                String prefix = "";
                while (parts.find()) {
                    prefix += parts.group();
                    list.append(prefix).append('\n');
                }
                Files.writeString(dpkg.resolve(row.identifier() + ".list"), list);
            }
            case "linux-init" -> {
                Path script = Files.createDirectories(root.resolve("etc/init.d")).resolve(row.identifier());
                Files.writeString(script, "#!/bin/sh\n# stand-in init script for a corpus test\n");
            }
            case "linux-folder" -> Files.createDirectories(root.resolve(row.identifier().substring(1)));
            case "linux-agent-server" -> {
                status.append(stanza("klnagent64", "Kaspersky Lab <support@kaspersky.com>"));
                Path answers = Files.createDirectories(root.resolve("opt/kaspersky/klnagent64/lib/bin/setup"))
                        .resolve("autoanswers.conf");
                Files.writeString(answers, "KLNAGENT_PORT=14000\n" + row.identifier() + "=" + row.extra() + "\nKLNAGENT_USESSL=y\n");
            }
            default -> throw new IllegalArgumentException("unknown corpus kind " + row.kind());
        }
        Files.writeString(dpkg.getParent().resolve("status"), status);
        return Hosts.sandbox(root);
    }

    private static Host mac(Row row, Path root) throws IOException {
        String id = row.identifier();
        switch (row.kind()) {
            case "mac-receipt" -> plist(root.resolve("var/db/receipts/" + id + ".plist"), "PackageIdentifier", id);
            case "mac-launchd" -> plist(root.resolve("Library/LaunchDaemons/" + id + ".plist"), "Label", id);
            case "mac-app" -> plist(root.resolve("Applications/" + id + "/Contents/Info.plist"), "CFBundleIdentifier", row.extra());
            case "mac-sysext" -> Files.createDirectories(root.resolve(
                    "Library/SystemExtensions/0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9/" + id));
            default -> throw new IllegalArgumentException("unknown corpus kind " + row.kind());
        }
        return Hosts.sandbox(root, OsFamily.MACOS, org.riddance.platform.RegistryView.NONE);
    }

    private static void plist(Path file, String key, String value) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict>\n"
                + "\t<key>" + key + "</key>\n\t<string>" + value + "</string>\n</dict>\n</plist>\n");
    }

    /** A dpkg status entry for a stand-in: the real package's name and maintainer, nothing installed. */
    private static String stanza(String name, String maintainer) {
        return "Package: " + name + "\nStatus: install ok installed\nPriority: optional\nMaintainer: " + maintainer
                + "\nArchitecture: amd64\nVersion: 1.0-1\nDescription: stand-in for a Riddance corpus test\n\n";
    }

    private static void sz(InMemoryRegistry registry, String key, String name, String value) {
        registry.putValue(key, new RegistryValue(name, RegistryValue.Type.SZ, value));
    }
}
