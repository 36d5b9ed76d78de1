package org.riddance.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Calendar;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The printable completion receipt: one A4 page for the customer to sign and file (more when the products, or a
 * long waiver reason, do not fit), with a QR code that carries the signed receipt, or its signed summary, so paper can be verified.
 */
public final class ReceiptPdf {

    private ReceiptPdf() {
    }

    /** The receipt as PDF bytes. */
    public static byte[] render(ReceiptView view) {
        try (PDDocument document = build(view)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            // everything is in memory: fonts from the jar, output to a byte array
            throw new UncheckedIOException("cannot render receipt " + view.receiptId(), e);
        }
    }

    /** Writes the receipt to {@code file}, replacing it if it exists; a crash mid-write leaves no half a PDF. */
    public static void write(ReceiptView view, Path file) throws IOException {
        byte[] pdf = render(view);
        Path target = file.toAbsolutePath();
        // a sibling, not createTempFile: that one is owner-only, and the receipt should get the usual permissions
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.write(temp, pdf);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static PDDocument build(ReceiptView view) throws IOException {
        PDDocument document = new PDDocument();
        try {
            describe(document, view);
            ReceiptStyle style = new ReceiptStyle(ReceiptFonts.load(document));
            int next = draw(document, canvas -> new ReceiptPage(style, view).draw(canvas));
            while (next < view.products().size()) {
                int from = next;
                next = draw(document, canvas -> new ContinuationPage(style, view).draw(canvas, from));
            }
            WaiverPages waiver = new WaiverPages(style, view);
            for (int line = 0; line < waiver.lines(); ) {
                int from = line;
                line = draw(document, canvas -> waiver.draw(canvas, from));
            }
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                if (view.demo()) {
                    // under the content, so the QR code and the text stay black on white
                    try (PDPageContentStream under = new PDPageContentStream(document, page, AppendMode.PREPEND, true, true)) {
                        watermark(style, new Canvas(under, ReceiptStyle.PAGE.getHeight()));
                    }
                }
                try (PDPageContentStream over = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                    footer(style, view, new Canvas(over, ReceiptStyle.PAGE.getHeight()), i + 1, pages);
                }
            }
            return document;
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    @FunctionalInterface
    private interface PageDrawing {
        int draw(Canvas canvas) throws IOException;
    }

    private static int draw(PDDocument document, PageDrawing drawing) throws IOException {
        PDPage page = new PDPage(ReceiptStyle.PAGE);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            return drawing.draw(new Canvas(content, ReceiptStyle.PAGE.getHeight()));
        }
    }

    /** One quiet line in the bottom margin, so a loose page still says what it belongs to. */
    private static void footer(ReceiptStyle style, ReceiptView view, Canvas canvas, int page, int pages) throws IOException {
        TextStyle small = style.small();
        float height = ReceiptStyle.PAGE.getHeight();
        float baseline = height - (height - ReceiptStyle.BOTTOM) / 2 + small.ascent() / 2;
        canvas.text(small, ReceiptStyle.LEFT, baseline, small.fit("Riddance completion receipt " + view.receiptId()
                + (view.demo() ? " (demo: no real computer was changed)" : ""), ReceiptStyle.WIDTH * 0.7f));
        canvas.textRightAligned(small, ReceiptStyle.RIGHT, baseline, "Page " + page + " of " + pages);
    }

    /** "DEMO" across the page, light enough to read the receipt through, so no copy passes for real work. */
    private static void watermark(ReceiptStyle style, Canvas canvas) throws IOException {
        canvas.rotatedText(style.watermark(), ReceiptStyle.PAGE.getWidth() / 2, ReceiptStyle.PAGE.getHeight() * 0.45f, 35, "DEMO");
    }

    private static void describe(PDDocument document, ReceiptView view) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Completion receipt " + view.receiptId());
        info.setAuthor("Riddance");
        info.setSubject(view.result() + ": " + view.headline());
        info.setCreator("Riddance " + view.appVersion());
        Calendar now = Calendar.getInstance();
        info.setCreationDate(now);
        info.setModificationDate(now);
        document.getDocumentCatalog().setLanguage("en");
        // viewers show the title ("Completion receipt RDR-…") in the window, not the temp file name
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }
}
