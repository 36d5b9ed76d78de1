package org.riddance.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 7 and issue 16 item 6: the printed code reads with a reader that is not ours (zbarimg, package
 * zbar-tools) from a 150 dpi rendering of page one, from the same page degraded as a cheap scanner would
 * (ImageMagick: blur, 2° rotation, Gaussian noise, the command from the issue), and from a 72 dpi rendering.
 */
class PaperScanTest {

    @TempDir
    Path dir;

    @Test
    void twelveFindingsReadWithZbarimgAt150DpiScannedAnd72Dpi() throws Exception {
        assumeTools();
        SigningKey key = IssuedSamples.key(dir.resolve("keys"));
        ReceiptIssuer.Issued issued = IssuedSamples.issue(dir.resolve("data"), key, IssuedSamples.Session.passing(12));
        TrustedKeys trusted = TrustedKeys.of(key.publicKey());
        assertThat(QrCodes.modules(issued.qrText())).isLessThanOrEqualTo(PaperCode.MAX_MODULES);

        Path page150 = render(issued.pdf(), 150, "page150");
        assertReadsAndVerifies(zbar(page150), issued, trusted);

        Path scan = dir.resolve("scan.png");
        run("convert", page150.toString(), "-blur", "0x1.0", "-rotate", "2", "-attenuate", "0.5", "+noise", "Gaussian",
                scan.toString());
        assertReadsAndVerifies(zbar(scan), issued, trusted);

        assertReadsAndVerifies(zbar(render(issued.pdf(), 72, "page72")), issued, trusted);
    }

    @Test
    void twoHundredFindingsAndALongWaiverSignPrintOnSeveralPagesAndTheSummaryReads() throws Exception {
        assumeTools();
        SigningKey key = IssuedSamples.key(dir.resolve("keys"));
        String reason = "The customer keeps no data on this PC; everything is on the practice server. ".repeat(26)
                .substring(0, 2_000);
        ReceiptIssuer.Issued issued = IssuedSamples.issue(dir.resolve("data"), key,
                new IssuedSamples.Session(200, "", true, reason, false));
        TrustedKeys trusted = TrustedKeys.of(key.publicKey());

        assertThat(issued.payload().products()).hasSize(200);
        assertThat(issued.payload().backup().waiverReason()).hasSize(2_000);
        assertThat(issued.pdf()).exists();
        try (var document = org.apache.pdfbox.Loader.loadPDF(issued.pdf().toFile())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String printed = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(printed).as("the whole reason is on paper, wrapped").contains(reason.strip());
        }
        String code = zbar(render(issued.pdf(), 150, "page150"));
        QrPayload.Scanned scanned = QrPayload.scan(code).orElseThrow();
        assertThat(scanned.summary()).as("200 findings do not fit a scannable code: a signed summary does").isTrue();
        assertThat(ReceiptVerifier.verify(scanned.receipt(), trusted).valid()).isTrue();
        assertThat(scanned.receipt().payloadText()).contains(ReceiptIssuer.sha256(issued.receipt().payload()))
                .contains("\"removed\":200");

        ReceiptCheck.Result pdf = ReceiptCheck.file(issued.pdf(), trusted);
        assertThat(pdf.verdict().valid()).as(pdf.verdict().toString()).isTrue();
        assertThat(pdf.verdict().detail()).contains("printed page matches").doesNotContain("not checked");
    }

    private static void assertReadsAndVerifies(String code, ReceiptIssuer.Issued issued, TrustedKeys trusted) {
        assertThat(code).isEqualTo(issued.qrText());
        SignedReceipt receipt = QrPayload.decode(code).orElseThrow();
        assertThat(ReceiptVerifier.verify(receipt, trusted).valid()).isTrue();
    }

    private Path render(Path pdf, int dpi, String name) throws Exception {
        run("pdftoppm", "-r", String.valueOf(dpi), "-f", "1", "-l", "1", "-gray", "-png", "-singlefile", pdf.toString(),
                dir.resolve(name).toString());
        return dir.resolve(name + ".png");
    }

    /** The code's text as zbarimg reads it; fails the test when it finds none. */
    private String zbar(Path image) throws Exception {
        String out = run("zbarimg", "-q", "--raw", image.toString());
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    private static String run(String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", argv)).isZero();
        return out;
    }

    static void assumeTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("zbarimg", "convert", "pdftoppm")) {
            if (Arrays.stream(System.getenv("PATH").split(":")).noneMatch(d -> Files.isExecutable(Path.of(d, tool)))) {
                missing.add(tool);
            }
        }
        assumeTrue(missing.isEmpty(), "not installed: " + missing + " (apt-get install zbar-tools imagemagick poppler-utils)");
    }
}
