package org.riddance.receipt;

import org.riddance.journal.entry.ScanCompleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.OsFacts;
import org.riddance.platform.OsFamily;
import org.riddance.session.SessionInfo;

/**
 * A receipt printed for real to a CUPS queue named PDF (cups-pdf), then read back from the printed file's QR code
 * and verified. {@code .ci/run} installs CUPS and creates the queue; without it the test says so and skips.
 */
class ReceiptPrintingTest {

    /** cups-pdf writes to $HOME/PDF, or for root to its spool folder, unless its configuration says otherwise. */
    private static final List<Path> OUTPUTS = List.of(Path.of(System.getProperty("user.home"), "PDF"),
            Path.of("/var/spool/cups-pdf", System.getProperty("user.name")), Path.of("/var/spool/cups-pdf/ANONYMOUS"));

    @org.junit.jupiter.api.BeforeEach
    void aQueueAndARenderer() {
        assumeTrue(ReceiptPrinter.printers().contains("PDF"),
                "no CUPS queue named PDF (apt-get install cups printer-driver-cups-pdf; see .ci/run)");
        assumeTrue(onPath("pdftoppm"), "pdftoppm is not installed (apt-get install poppler-utils)");
    }

    @Test
    void aReceiptPrintedThroughCupsVerifiesFromItsQrCode(@TempDir Path data) throws Exception {
        SigningKey key = TechnicianKeystore.create(data.resolve("keys"), "correct horse".toCharArray(), "José Müller", Clock.systemUTC());
        ReceiptIssuer.Issued issued = issue(data, key);
        long printedBefore = System.currentTimeMillis();

        ReceiptPrinter.print(issued.pdf(), "PDF");

        Path printed = waitForPrintedFile(OUTPUTS, printedBefore, Duration.ofSeconds(90));
        // scanned as a person would, rescanning at another resolution if the first does not read. Measured over 20
        // prints through cups-pdf (which re-encodes the page with Ghostscript): 150 dpi read 20, 200 dpi 20, 300 dpi 18.
        SignedReceipt fromPaper = readBack(printed, data);
        assertThat(fromPaper).as("the printed QR code read at 150, 200 or 300 dpi").isNotNull();
        assertThat(fromPaper.payload()).isEqualTo(issued.receipt().payload());
        assertThat(ReceiptVerifier.verify(fromPaper, TrustedKeys.of(key.publicKey())).valid()).isTrue();
    }

    @Test
    void receiptPrintOnTheCommandLineReachesTheQueueAndAMissingPrinterIsAClearError(@TempDir Path data) throws Exception {
        SigningKey key = TechnicianKeystore.create(data.resolve("keys"), "correct horse".toCharArray(), "José Müller", Clock.systemUTC());
        ReceiptIssuer.Issued issued = issue(data, key);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = org.riddance.cli.RiddanceCommand.commandLine(context -> 0);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));

        assertThat(cli.execute("--data-dir", data.toString(), "receipt", "print", issued.json().toString(),
                "--printer", "No-Such-Queue")).isEqualTo(2);
        assertThat(err.toString()).contains("No printer named 'No-Such-Queue'", "known:", "PDF");

        long printedBefore = System.currentTimeMillis();
        assertThat(cli.execute("--data-dir", data.toString(), "receipt", "print", issued.json().toString(),
                "--printer", "PDF")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Sent " + issued.pdf().getFileName() + " to PDF");

        Path printed = waitForPrintedFile(OUTPUTS, printedBefore, Duration.ofSeconds(90));
        SignedReceipt fromPaper = readBack(printed, data);
        assertThat(fromPaper).as("the printed QR code read at 150, 200 or 300 dpi").isNotNull();
        assertThat(ReceiptVerifier.verify(fromPaper, TrustedKeys.of(key.publicKey())).valid()).isTrue();
    }

    private static ReceiptIssuer.Issued issue(Path data, SigningKey key) throws Exception {
        OsFacts os = new OsFacts(OsFamily.LINUX, "Debian GNU/Linux 12", "12", "amd64", "praxis-empfang", "");
        try (SessionJournal session = new SessionStore(data, Clock.systemUTC())
                .start(new SessionInfo("José Müller", "T-017", "Zürich Praxis", "INC-9", ""), os, "t")) {
            session.record(new ScanCompleted("clean", "1", "00", "built-in", List.of(), List.of()));
            return ReceiptIssuer.issue(session, os, CatalogLoader.builtIn(), "0.1.0", key, data.resolve("receipts"),
                    Clock.systemUTC());
        }
    }

    /** Scanned as a person would: at 150 dpi, again at 200 and 300 if that does not read; null when none does. */
    private static SignedReceipt readBack(Path printed, Path data) throws Exception {
        for (String dpi : List.of("150", "200", "300")) {
            Process render = new ProcessBuilder("pdftoppm", "-r", dpi, "-png", "-singlefile", printed.toString(),
                    data.resolve("printed").toString()).redirectErrorStream(true).start();
            assertThat(render.waitFor()).isZero();
            Optional<SignedReceipt> read = ReceiptFiles.fromQrImage(data.resolve("printed.png"));
            if (read.isPresent()) {
                return read.get();
            }
        }
        return null;
    }

    private static Path waitForPrintedFile(List<Path> folders, long since, Duration limit) throws Exception {
        long deadline = System.currentTimeMillis() + limit.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Optional<Path> found = Optional.empty();
            for (Path folder : folders) {
                if (found.isEmpty() && Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        found = files.filter(p -> p.toString().endsWith(".pdf"))
                                .filter(p -> p.toFile().lastModified() >= since - 1000).findFirst();
                    }
                }
            }
            if (found.isPresent() && Files.size(found.get()) > 0) {
                Thread.sleep(500); // cups-pdf may still be closing the file
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Nothing appeared in " + folders + " within " + limit.toSeconds() + " s; see /var/log/cups/");
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
