package org.riddance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.catalog.Category;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OsFamily;
import org.riddance.platform.StandInSigning;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * A Windows disk with a stand-in engine DLL whose (made-up, self-signed) certificate names the vendor, inside
 * another company's folder; the same signer inside the vendor's own folder is the vendor's product, not an
 * embedded engine. The certificates are generated here and are not the vendor's.
 */
class SignedBinaryScannerTest {

    @Test
    void aVendorSignedBinaryInAnotherCompanysFolderIsAnEmbeddedEngine(@TempDir Path root) throws Exception {
        byte[] kasperskySigned = StandInSigning.peSignedBy("CN=AO Kaspersky Lab, O=AO Kaspersky Lab");
        write(root, "C/Program Files (x86)/Baidu Security/BaiduAntivirus/engine/kavbase.dll", kasperskySigned);
        write(root, "C/Program Files (x86)/Baidu Security/BaiduAntivirus/BDKV.exe",
                StandInSigning.peSignedBy("CN=Baidu Online Network Technology (test stand-in), O=Baidu (test stand-in)"));
        write(root, "C/Program Files (x86)/Baidu Security/BaiduAntivirus/readme.txt", "not a binary".getBytes());
        write(root, "C/Program Files/Notepad++/notepad++.exe", StandInSigning.peUnsigned());
        write(root, "C/Program Files (x86)/Kaspersky Lab/Kaspersky Endpoint Security for Windows/avp.exe", kasperskySigned);

        ScanReport report = Detector.standard(Clock.systemUTC()).scan(
                Hosts.sandbox(root, OsFamily.WINDOWS, new InMemoryRegistry()), CatalogLoader.builtIn(),
                Progress.NONE, Cancellation.none());

        assertThat(report.findings()).extracting(Finding::productId)
                .as("the vendor's own folder with nothing registered is a leftover, never an embedded engine")
                .containsExactlyInAnyOrder("kaspersky-embedded-engine", "kaspersky-leftover");
        assertThat(report.findings()).filteredOn(f -> f.category() == Category.EMBEDDED_ENGINE).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(Category.EMBEDDED_ENGINE);
            assertThat(f.evidence()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EvidenceKind.SIGNED_BINARY);
                assertThat(e.location()).isEqualTo(
                        "C:\\Program Files (x86)\\Baidu Security\\BaiduAntivirus\\engine\\kavbase.dll");
                assertThat(e.detail()).contains("AO Kaspersky Lab").contains("not verified offline");
            });
        });
    }

    private static void write(Path root, String path, byte[] content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
