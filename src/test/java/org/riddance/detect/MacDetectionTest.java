package org.riddance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.platform.Hosts;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryView;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/** A stand-in Mac disk: receipts, an app bundle, launchd jobs and a system extension under the vendor's team id. */
class MacDetectionTest {

    @Test
    void findsEndpointSecurityForMacAndTheAgentFromFilesAlone(@TempDir Path root) throws Exception {
        write(root, "var/db/receipts/com.kaspersky.kav.core.plist", plist("PackageIdentifier", "com.kaspersky.kav.core",
                "PackageVersion", "11.3.0.303"));
        write(root, "var/db/receipts/com.kaspersky.klnagent.core.plist", plist("PackageVersion", "14.0.0.1234"));
        write(root, "var/db/receipts/com.apple.pkg.Safari.plist", plist("PackageVersion", "17.0"));
        write(root, "Applications/Kaspersky Endpoint Security for Mac.app/Contents/Info.plist",
                plist("CFBundleIdentifier", "com.kaspersky.kav.gui", "CFBundleShortVersionString", "11.3.0"));
        write(root, "Applications/Kasperle.app/Contents/Info.plist", plist("CFBundleIdentifier", "de.kasperle.app"));
        write(root, "Library/LaunchDaemons/com.kaspersky.kav.plist", "<plist/>");
        write(root, "Library/LaunchDaemons/com.kaspersky.klnagent.plist", "<plist/>");
        Files.createDirectories(root.resolve(
                "Library/SystemExtensions/0B1C2D3E/2Y8XE5CQ94.com.kaspersky.kav.sysext.systemextension"));
        write(root, "Library/Application Support/Kaspersky Lab/KAV/Binaries/UninstallScript", "stand-in\n");

        ScanReport report = Detector.standard(Clock.systemUTC()).scan(Hosts.sandbox(root, OsFamily.MACOS, RegistryView.NONE),
                CatalogLoader.builtIn(), Progress.NONE, Cancellation.none());

        assertThat(report.findings()).extracting(Finding::productId).containsExactlyInAnyOrder("kes-mac", "ksc-network-agent");
        Finding kes = report.findings().stream().filter(f -> f.productId().equals("kes-mac")).findFirst().orElseThrow();
        assertThat(kes.version()).isEqualTo("11.3.0.303");
        assertThat(kes.evidence()).extracting(Evidence::kind).contains(EvidenceKind.PKG_RECEIPT, EvidenceKind.APP_BUNDLE,
                EvidenceKind.LAUNCHD_ITEM, EvidenceKind.SYSTEM_EXTENSION, EvidenceKind.FOLDER);
        assertThat(report.findings().toString()).doesNotContain("Kasperle", "Safari");
    }

    private static String plist(String... keyValues) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<plist version=\"1.0\"><dict>\n");
        for (int i = 0; i < keyValues.length; i += 2) {
            xml.append("  <key>").append(keyValues[i]).append("</key>\n  <string>").append(keyValues[i + 1]).append("</string>\n");
        }
        return xml.append("</dict></plist>\n").toString();
    }

    private static void write(Path root, String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
