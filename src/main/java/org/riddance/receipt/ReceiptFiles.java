package org.riddance.receipt;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads a receipt from whatever the verifier is handed: the JSON and its signature, the PDF, or a scan. A PDF is
 * read the way paper is, from its QR code (rendered at 200 dpi), so what is checked is what gets printed.
 */
public final class ReceiptFiles {

    /** 150 dpi puts each module on 4 whole pixels; ZXing misses a full page now and then, so 200 and 300 dpi follow. */
    static final float[] PDF_DPI = {150, 200, 300};

    private ReceiptFiles() {
    }

    public static SignedReceipt read(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            return fromPdf(file).orElseThrow(() -> new IOException("No Riddance receipt code found in " + file));
        }
        return SignedReceipt.read(file);
    }

    public static Optional<SignedReceipt> fromQrImage(Path image) throws IOException {
        return QrCodes.read(image).flatMap(QrPayload::decode);
    }

    static Optional<SignedReceipt> fromPdf(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            if (document.getNumberOfPages() == 0) {
                return Optional.empty();
            }
            for (float dpi : PDF_DPI) {
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.GRAY);
                Optional<SignedReceipt> receipt = QrCodes.read(page).flatMap(QrPayload::decode);
                if (receipt.isPresent()) {
                    return receipt;
                }
            }
            return Optional.empty();
        }
    }
}
