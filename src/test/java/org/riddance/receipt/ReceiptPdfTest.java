package org.riddance.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.riddance.receipt.SampleReceipts.RECEIPT_ID;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.receipt.ReceiptView.Outcome;

class ReceiptPdfTest {

    private static final String QR_TEXT = SampleReceipts.largestPaperCode(20261123L);

    @TempDir
    Path dir;

    @Test
    void theQrCodeReadsBackExactlyFromA200DpiRendering() throws Exception {
        Path png = rasterize(writeSample(), 200);

        assertThat(QrCodes.read(png)).contains(QR_TEXT);
    }

    @Test
    void theQrCodeStillReadsAt150Dpi() throws Exception {
        // At 150 dpi a module of 4/150 inch is 4 whole pixels
        Path png = rasterize(writeSample(), 150);

        assertThat(QrCodes.read(png)).contains(QR_TEXT);
    }

    @Test
    void qrModulesAreFourHundredFiftiethsOfAnInchOnPaperAtLevelM() throws Exception {
        int dpi = 200;
        Result result = decodeWithPoints(ImageIO.read(rasterize(writeSample(), dpi).toFile()));
        ResultPoint[] finders = result.getResultPoints(); // bottom-left, top-left, top-right finder centres
        int dimension = 17 + 4 * versionOf(result);
        double centresApartPx = ResultPoint.distance(finders[1], finders[2]);
        double moduleMm = centresApartPx / (dimension - 7) / dpi * 25.4;

        assertThat(result.getText()).isEqualTo(QR_TEXT);
        assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("M");
        assertThat(moduleMm).isBetween(0.66, 0.70);
        assertThat(17 + 4 * versionOf(result)).isLessThanOrEqualTo(PaperCode.MAX_MODULES);
    }

    @Test
    void textLayerHasNamesIdFingerprintBlocksAndSignOff() throws IOException {
        String text = textOf(ReceiptPdf.render(SampleReceipts.view(SampleReceipts.THREE_PRODUCTS, QR_TEXT)));

        assertThat(text).contains("José Müller", "Zürich Praxis Dr. Ångström", RECEIPT_ID, "Customer name",
                "Customer signature", "Technician signature", "Technician name", "Date", "PASS", "All banned products removed; replacement antivirus verified",
                "(Лаборатория Касперского)", "Kaspersky VPN Secure Connection", "EICAR blocked",
                "3f2a 9bc1 0d4e 77aa 51c3 e0f2 b8d9 6a4c", "7e1f 0b2d 3c4a 5968 7786 95a4 b3c2 d1e0");
    }

    @Test
    void isOneA4PageWithEmbeddedDejaVuSubsetsAndMetadata() throws IOException {
        byte[] pdf = ReceiptPdf.render(SampleReceipts.view(SampleReceipts.THREE_PRODUCTS, QR_TEXT));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.1f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.1f));
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans(-Bold|Mono)?");
            }
            assertThat(page.getResources().getFontNames()).hasSize(3);
            var info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Completion receipt " + RECEIPT_ID);
            assertThat(info.getAuthor()).isEqualTo("Riddance");
            assertThat(info.getSubject()).isEqualTo("PASS: All banned products removed; replacement antivirus verified");
            assertThat(info.getCreationDate()).isNotNull();
        }
        assertThat(pdf.length).as("subset fonts keep the file small").isLessThan(120_000);
    }

    @Test
    void twelveProductsFitBesideTheLargestQrCodeAndMoreContinueOnTheNextPage() throws IOException {
        String twelve = textOf(ReceiptPdf.render(SampleReceipts.view(SampleReceipts.products(12), QR_TEXT)));
        byte[] twentyPdf = ReceiptPdf.render(SampleReceipts.view(SampleReceipts.products(20), QR_TEXT));
        String twenty = textOf(twentyPdf);

        assertThat(productRows(twelve)).hasSize(12);
        assertThat(twelve).contains("Kaspersky Anti-Virus 21.3.1 Consumer suite Removed",
                "Kaspersky Virus Removal Tool 21.3.12 Consumer suite Removed").doesNotContain("on the next page")
                .contains("Page 1 of 1");
        assertThat(productRows(twenty)).as("every product is printed, over two pages").hasSize(20);
        assertThat(twenty).containsPattern("\\d+ more rows on the next page\\.").contains("Page 2 of 2")
                .contains("BANNED PRODUCTS, CONTINUED");
        try (PDDocument document = Loader.loadPDF(twentyPdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
    }

    @Test
    void aWaiverReasonLongerThanAPageGoesOnOverTheFollowingPagesWhole() throws IOException {
        // words of varied length, so the lines break in different places
        String reason = "The customer's files are on the practice server, which is backed up nightly; this PC's disk "
                + "reports reallocated sectors. ";
        reason = reason.repeat(12_000 / reason.length()).strip();
        ReceiptView base = SampleReceipts.view(SampleReceipts.THREE_PRODUCTS, QR_TEXT);
        ReceiptView waived = new ReceiptView(base.receiptId(), base.result(), base.headline(), base.hostname(),
                base.os(), base.serial(), base.technicianName(), base.technicianId(), base.site(), base.ticket(),
                base.started(), base.finished(), base.products(), "None made: \"" + reason.substring(0, 100) + "…\"",
                base.antivirus(), base.citations(), base.catalog(), base.appVersion(), base.keyFingerprint(),
                base.qrText(), base.verifyHint(), false, "", "", reason);
        byte[] pdf = ReceiptPdf.render(waived);

        StringBuilder printed = new StringBuilder();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("page one, then the reason over two pages").isEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 2; page <= 3; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                List<String> lines = stripper.getText(document).lines().toList();
                assertThat(lines.get(1)).isEqualTo(page == 2 ? "BACK-UP WAIVED: THE TECHNICIAN'S REASON IN FULL"
                        : "BACK-UP WAIVED: THE TECHNICIAN'S REASON, CONTINUED");
                // between the page's heading and its footer
                lines.subList(2, lines.size() - 1).forEach(line -> printed.append(line).append(' '));
            }
        }
        assertThat(printed.toString().strip()).isEqualTo(reason);
    }

    @Test
    void aLongProductNameWrapsOntoASecondLine() throws IOException {
        String text = textOf(ReceiptPdf.render(SampleReceipts.view(SampleReceipts.THREE_PRODUCTS, QR_TEXT)));

        // the text layer lists the name's second line before the row's other cells
        assertThat(text).contains("Kaspersky Security Center 14.2 Network Agent\n(Лаборатория Касперского)\n"
                + "14.0.0.10902 Management agent Removed");
    }

    @Test
    void noProductsSaysSoInsteadOfAnEmptyTable() throws IOException {
        String text = textOf(ReceiptPdf.render(SampleReceipts.view(List.of(), QR_TEXT)));

        assertThat(text).contains("No banned products were found on this computer.");
    }

    @Test
    void bannerColourFollowsTheOutcome() throws IOException {
        Map<Outcome, Color> expected = Map.of(Outcome.PASS, new Color(0x1E, 0x7B, 0x34),
                Outcome.FAIL, new Color(0xB3, 0x26, 0x1E), Outcome.INCOMPLETE, new Color(0xB0, 0x5A, 0x00));
        for (Outcome outcome : Outcome.values()) {
            BufferedImage page = renderWithPdfBox(SampleReceipts.view(outcome, SampleReceipts.THREE_PRODUCTS, QR_TEXT));
            for (var colour : expected.entrySet()) {
                long pixels = countPixels(page, colour.getValue());
                if (colour.getKey() == outcome) {
                    assertThat(pixels).as(outcome + " banner area").isGreaterThan(10_000);
                } else {
                    assertThat(pixels).as(colour.getKey() + " colour on a " + outcome + " receipt").isZero();
                }
            }
        }
    }

    @Test
    void aGlyphNoFontHasBecomesAQuestionMarkNotAFailure() throws IOException {
        ReceiptView view = SampleReceipts.view(SampleReceipts.THREE_PRODUCTS, QR_TEXT);
        ReceiptView chinese = new ReceiptView(view.receiptId(), view.result(), view.headline(), "前台电脑",
                view.os(), view.serial(), view.technicianName(), view.technicianId(), view.site(), view.ticket(),
                view.started(), view.finished(), view.products(), view.backup(), view.antivirus(), view.citations(),
                view.catalog(), view.appVersion(), view.keyFingerprint(), view.qrText(), view.verifyHint());

        assertThat(textOf(ReceiptPdf.render(chinese))).contains("????");
    }

    /** Table rows as the text layer has them: "name version category outcome" on one line. */
    private static List<String> productRows(String text) {
        return text.lines().filter(line -> line.matches("Kaspersky .* 21\\.3\\.\\d+ Consumer suite Removed")).toList();
    }

    private Path writeSample() throws IOException {
        Path pdf = dir.resolve("receipt.pdf");
        ReceiptPdf.write(SampleReceipts.view(SampleReceipts.THREE_PRODUCTS, QR_TEXT), pdf);
        return pdf;
    }

    /** Page 1 as a PNG by poppler's pdftoppm, the way a viewer or printer driver would draw it. */
    private Path rasterize(Path pdf, int dpi) throws Exception {
        Path prefix = dir.resolve("page-" + dpi);
        Process process;
        try {
            process = new ProcessBuilder(List.of("pdftoppm", "-r", Integer.toString(dpi), "-png", "-singlefile",
                    pdf.toString(), prefix.toString())).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            Assumptions.assumeTrue(false, "pdftoppm is not installed (Debian package poppler-utils): " + notInstalled);
            throw notInstalled;
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pdftoppm finished").isTrue();
        assertThat(process.exitValue()).as("pdftoppm exit code, output: " + output).isZero();
        return Path.of(prefix + ".png");
    }

    private static Result decodeWithPoints(BufferedImage image) throws Exception {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE)));
    }

    /** The version from the encoder for the same text: the reader does not report it. */
    private static int versionOf(Result result) throws Exception {
        return com.google.zxing.qrcode.encoder.Encoder.encode(result.getText(),
                com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M).getVersion().getVersionNumber();
    }

    private static BufferedImage renderWithPdfBox(ReceiptView view) throws IOException {
        try (PDDocument document = Loader.loadPDF(ReceiptPdf.render(view))) {
            return new PDFRenderer(document).renderImageWithDPI(0, 72);
        }
    }

    private static long countPixels(BufferedImage image, Color colour) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
