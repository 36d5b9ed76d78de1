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
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The printable completion receipt: one A4 page for the customer to sign and file, with a QR code that carries
 * the whole signed payload so the paper copy can be verified without the file.
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
            PDPage page = new PDPage(ReceiptStyle.PAGE);
            document.addPage(page);
            describe(document, view);
            ReceiptStyle style = new ReceiptStyle(ReceiptFonts.load(document));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                new ReceiptPage(style, view).draw(new Canvas(content, ReceiptStyle.PAGE.getHeight()));
            }
            return document;
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
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
