package org.riddance.receipt;

import org.riddance.journal.entry.ScannedProduct;
import org.riddance.journal.entry.ScanCompleted;
import org.riddance.journal.entry.ReceiptSigned;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.journal.JournalContents;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.OsFacts;
import org.riddance.platform.OsFamily;
import org.riddance.session.SessionInfo;

class ReceiptIssuerTest {

    @Test
    void issuesSignedFilesBindsTheEvidenceByHashAndJournalsTheSigning(@TempDir Path data) throws Exception {
        OsFacts os = new OsFacts(OsFamily.LINUX, "Debian GNU/Linux 12", "12", "amd64", "reception-pc", "PF3ABC12");
        SigningKey key = TechnicianKeystore.create(data.resolve("keys"), "correct horse".toCharArray(), "Ana", Clock.systemUTC());
        SessionStore store = new SessionStore(data, Clock.systemUTC());
        try (SessionJournal session = store.start(new SessionInfo("José Müller", "T-017", "Zürich Praxis", "INC-1", ""), os, "t")) {
            session.record(new ScanCompleted("clean", "1", "00", "built-in", List.of(), List.of()));
            Files.writeString(session.directory().resolve("findings.json"), "{\"findings\":[]}");

            ReceiptIssuer.Issued issued = ReceiptIssuer.issue(session, os, CatalogLoader.builtIn(), "0.1.0", key,
                    data.resolve("receipts"), Clock.systemUTC());
            ReceiptIssuer.Issued again = ReceiptIssuer.issue(session, os, CatalogLoader.builtIn(), "0.1.0", key,
                    data.resolve("receipts"), Clock.systemUTC());

            assertThat(issued.files()).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                    issued.id() + ".receipt.json", issued.id() + ".receipt.sig", issued.id() + ".pub.pem",
                    issued.id() + ".evidence.zip", issued.id() + ".receipt.pdf");
            assertThat(again.id()).as("never overwritten").isEqualTo(issued.id() + "-2");

            SignedReceipt fromDisk = SignedReceipt.read(issued.json());
            assertThat(ReceiptVerifier.verify(fromDisk, TrustedKeys.load(issued.folder().resolve(issued.id() + ".pub.pem")))
                    .valid()).isTrue();
            assertThat(issued.payload().machine().serial()).isEqualTo("PF3ABC12");
            assertThat(issued.payload().evidenceSha256())
                    .isEqualTo(ReceiptIssuer.sha256(Files.readAllBytes(issued.folder().resolve(issued.id() + ".evidence.zip"))));
            try (ZipFile zip = new ZipFile(issued.folder().resolve(issued.id() + ".evidence.zip").toFile())) {
                byte[] journalInZip = zip.getInputStream(zip.getEntry("journal.jsonl")).readAllBytes();
                assertThat(JournalContents.parse(journalInZip).headHash()).as("the bundle holds the journal the receipt names")
                        .isEqualTo(issued.payload().journalHead());
                assertThat(zip.getEntry("findings.json")).isNotNull();
            }
            assertThat(JournalContents.read(session.journal().file()).last(ReceiptSigned.class)).get()
                    .satisfies(r -> assertThat(r.id()).isEqualTo(again.id()));

            Path stick = data.resolve("usb-stick");
            assertThat(issued.copyTo(stick)).hasSize(5);
            assertThat(stick.resolve(issued.id() + ".receipt.json")).hasSameBinaryContentAs(issued.json());
        }
    }

    @Test
    void theIssuedPdfRenderedAt200DpiReadsBackThroughItsQrCodeAndVerifies(@TempDir Path data) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("pdftoppm"), "pdftoppm is not installed (apt-get install poppler-utils)");
        OsFacts os = new OsFacts(OsFamily.LINUX, "Debian GNU/Linux 12", "12", "amd64", "praxis-empfang", "");
        SigningKey key = TechnicianKeystore.create(data.resolve("keys"), "correct horse".toCharArray(), "José Müller", Clock.systemUTC());
        ReceiptIssuer.Issued issued;
        try (SessionJournal session = new SessionStore(data, Clock.systemUTC())
                .start(new SessionInfo("José Müller", "T-017", "Zürich Praxis Dr. Ångström", "INC-1", ""), os, "t")) {
            session.record(new ScanCompleted("banned-found", "1", "00", "built-in", List.of(), List.of(
                    new ScannedProduct("kes-windows", "Kaspersky Endpoint Security for Windows", "11.11.0.452", "product", 2),
                    new ScannedProduct("ksc-network-agent", "Kaspersky Security Center Network Agent", "14.0.0.10902",
                            "agent", 2))));
            issued = ReceiptIssuer.issue(session, os, CatalogLoader.builtIn(), "0.1.0", key, data.resolve("receipts"), Clock.systemUTC());
        }
        TrustedKeys trusted = TrustedKeys.of(key.publicKey());

        Process render = new ProcessBuilder("pdftoppm", "-r", "200", "-png", "-singlefile", issued.pdf().toString(),
                data.resolve("scan").toString()).redirectErrorStream(true).start();
        assertThat(render.waitFor()).isZero();
        SignedReceipt scanned = ReceiptFiles.fromQrImage(data.resolve("scan.png")).orElseThrow();

        assertThat(scanned.payload()).isEqualTo(issued.receipt().payload());
        assertThat(ReceiptVerifier.verify(scanned, trusted).valid()).isTrue();
        assertThat(scanned.payloadText()).contains("José Müller").contains("Zürich Praxis Dr. Ångström");
        assertThat(ReceiptVerifier.verify(ReceiptFiles.read(issued.pdf()), trusted).valid()).as("verify FILE.pdf").isTrue();
        try (var document = org.apache.pdfbox.Loader.loadPDF(issued.pdf().toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("José Müller").contains("INCOMPLETE").contains("Not removed")
                    .contains("No backup was made in this session").contains("Management agent");
        }
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
