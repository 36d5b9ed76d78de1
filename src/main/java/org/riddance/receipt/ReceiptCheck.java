package org.riddance.receipt;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Verifies whatever a person hands over: the JSON with its signature, a receipt PDF, a scan or photo of the
 * code, or the code's text. A PDF is valid only when its QR code verifies and the page prints what the code signs
 * ({@link PrintedReceipt}); when the code holds a summary, the products are checked against the whole receipt if
 * its signed JSON lies beside the PDF.
 */
public final class ReceiptCheck {

    /** Issue 14 item 8: no receipt PDF comes near this (200 products make about 100 KB). */
    static final long MAX_PDF_BYTES = 16L << 20;

    /** The verdict and, when it is valid, the receipt (or summary) that was verified. */
    public record Result(Verdict verdict, Optional<SignedReceipt> receipt) {
        static Result unreadable(String why) {
            return new Result(new Verdict(Verdict.Reason.UNREADABLE, why, ""), Optional.empty());
        }
    }

    private ReceiptCheck() {
    }

    /** A .receipt.json (with .sig beside it), a .pdf, or an image of the code. */
    public static Result file(Path file, TrustedKeys trusted) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".pdf")) {
                return pdf(file, trusted);
            }
            if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) {
                return scanned(ReceiptFiles.fromQrImage(file), trusted);
            }
            return of(SignedReceipt.read(file), trusted);
        } catch (IOException | RuntimeException e) {
            return Result.unreadable(String.valueOf(e.getMessage()));
        }
    }

    /** The text a QR reader returned. */
    public static Result qrText(String text, TrustedKeys trusted) {
        return scanned(QrPayload.decode(text), trusted);
    }

    private static Result scanned(Optional<SignedReceipt> receipt, TrustedKeys trusted) {
        return receipt.map(r -> of(r, trusted)).orElseGet(() -> Result.unreadable("no Riddance receipt code found"));
    }

    private static Result of(SignedReceipt receipt, TrustedKeys trusted) {
        Verdict verdict = ReceiptVerifier.verify(receipt, trusted);
        return new Result(verdict, Optional.of(receipt));
    }

    private static Result pdf(Path file, TrustedKeys trusted) throws IOException {
        if (Files.size(file) > MAX_PDF_BYTES) {
            return Result.unreadable(file + " is larger than " + (MAX_PDF_BYTES >> 20) + " MB; no receipt PDF is");
        }
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            if (document.getNumberOfPages() == 0) {
                return Result.unreadable("the PDF has no pages");
            }
            Optional<QrPayload.Scanned> scanned = Optional.empty();
            for (float dpi : ReceiptFiles.PDF_DPI) {
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.GRAY);
                scanned = QrCodes.read(page).flatMap(QrPayload::scan);
                if (scanned.isPresent()) {
                    break;
                }
            }
            if (scanned.isEmpty()) {
                return Result.unreadable("no Riddance receipt code found on the first page of " + file.getFileName());
            }
            SignedReceipt receipt = scanned.get().receipt();
            Verdict verdict = ReceiptVerifier.verify(receipt, trusted);
            if (!verdict.valid()) {
                return new Result(verdict, Optional.of(receipt));
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            PrintedReceipt printed = new PrintedReceipt(stripper.getText(document));
            Map<String, Object> signed = PaperCode.parse(receipt.payload());
            boolean products = true;
            String note = "";
            if (scanned.get().summary()) {
                Optional<Map<String, Object>> whole = wholeReceiptBeside(file, signed, trusted);
                products = whole.isPresent();
                if (whole.isPresent()) {
                    signed = whole.get();
                } else {
                    note = "; the printed products were not checked: keep the signed .receipt.json with the PDF";
                }
            }
            Optional<Verdict> mismatch = printed.mismatch(signed, products, verdict.keyFingerprint());
            if (mismatch.isPresent()) {
                return new Result(mismatch.get(), Optional.of(receipt));
            }
            return new Result(new Verdict(verdict.reason(), verdict.detail() + "; the printed page matches" + note,
                    verdict.keyFingerprint()), Optional.of(receipt));
        }
    }

    /** The whole receipt a summary names, when its JSON and signature lie beside the PDF and verify. */
    private static Optional<Map<String, Object>> wholeReceiptBeside(Path pdf, Map<String, Object> summary,
                                                                    TrustedKeys trusted) {
        Path json = pdf.resolveSibling(summary.get("id") + SignedReceipt.JSON);
        try {
            if (!Files.isRegularFile(json)) {
                return Optional.empty();
            }
            SignedReceipt whole = SignedReceipt.read(json);
            boolean named = ReceiptIssuer.sha256(whole.payload()).equals(summary.get("receipt"));
            if (!named || !ReceiptVerifier.verify(whole, trusted).valid()) {
                return Optional.empty();
            }
            return Optional.of(PaperCode.parse(whole.payload()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

}
