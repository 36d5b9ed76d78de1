package org.riddance.rollup;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.riddance.receipt.QrCodes;
import org.riddance.receipt.ReceiptCheck;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.receipt.ReceiptVerifier;
import org.riddance.receipt.SignedReceipt;
import org.riddance.receipt.TrustedKeys;
import org.riddance.receipt.Verdict;

/**
 * {@code riddance verify} for a roll-up: the {@code .rollup.json} with its {@code .rollup.sig}, checked as a receipt
 * is (canonical form, trusted key, signature); or the {@code .rollup.pdf}, whose QR code must name that JSON's
 * SHA-256 and carry a signature over it, and whose page must print its id and counts.
 */
public final class RollupCheck {

    /** A summary of ten thousand PCs is about 4 MB; nothing real comes near this. */
    static final int MAX_JSON_BYTES = 64 << 20;
    static final long MAX_PDF_BYTES = 64L << 20;
    private static final float[] DPI = {150, 200, 300};

    private RollupCheck() {
    }

    /** A roll-up file, by its name: {@code .rollup.json}, {@code .rollup.sig} or {@code .rollup.pdf}. */
    public static boolean isRollup(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(RollupIssuer.JSON) || name.endsWith(RollupIssuer.SIGNATURE) || name.endsWith(RollupIssuer.PDF);
    }

    public static ReceiptCheck.Result file(Path file, TrustedKeys trusted) {
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(RollupIssuer.PDF)) {
                return pdf(file, trusted);
            }
            Path json = sibling(file, RollupIssuer.JSON);
            SignedReceipt summary = new SignedReceipt(bounded(json, MAX_JSON_BYTES), bounded(sibling(file, RollupIssuer.SIGNATURE), 1024));
            return judged(ReceiptReader.withRawSignature(summary), trusted);
        } catch (NoSuchFileException e) {
            return unreadable("the roll-up needs its .rollup.json and .rollup.sig side by side: " + e.getFile() + " is missing");
        } catch (IOException | RuntimeException e) {
            return unreadable(String.valueOf(e.getMessage()));
        }
    }

    private static ReceiptCheck.Result pdf(Path pdf, TrustedKeys trusted) throws IOException {
        if (Files.size(pdf) > MAX_PDF_BYTES) {
            return unreadable(pdf.getFileName() + " is larger than " + (MAX_PDF_BYTES >> 20) + " MB; no roll-up PDF is");
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            if (document.getNumberOfPages() == 0) {
                return unreadable("the PDF has no pages");
            }
            Optional<RollupCode.Scanned> code = Optional.empty();
            for (float dpi : DPI) {
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.GRAY);
                code = QrCodes.read(page).flatMap(RollupCode::decode);
                if (code.isPresent()) {
                    break;
                }
            }
            if (code.isEmpty()) {
                return unreadable("no Riddance roll-up code found on the first page of " + pdf.getFileName());
            }
            Path json = sibling(pdf, RollupIssuer.JSON);
            if (!Files.isRegularFile(json)) {
                return unreadable("the code holds only the summary's hash and signature: keep " + json.getFileName()
                        + " beside the PDF to verify it");
            }
            byte[] bytes = bounded(json, MAX_JSON_BYTES);
            if (!ReceiptIssuer.sha256(bytes).equals(code.get().sha256())) {
                return new ReceiptCheck.Result(new Verdict(Verdict.Reason.SWAPPED_QR, "the code names another summary than "
                        + json.getFileName() + " (or that file was changed)", ""), Optional.empty());
            }
            ReceiptCheck.Result judged = judged(new SignedReceipt(bytes, code.get().signature()), trusted);
            if (!judged.verdict().valid()) {
                return judged;
            }
            return printedMatches(document, judged);
        }
    }

    /** The page must print the roll-up's id and the counts it signs. */
    private static ReceiptCheck.Result printedMatches(PDDocument document, ReceiptCheck.Result judged) throws IOException {
        Map<String, Object> payload = ReceiptReader.parse(judged.receipt().orElseThrow().payload()).orElseThrow();
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setEndPage(1);
        String text = stripper.getText(document).replaceAll("\\s+", " ");
        @SuppressWarnings("unchecked")
        String counts = RollupSummary.countsLine((Map<String, ?>) payload.get("counts"));
        Verdict verdict = judged.verdict();
        if (!text.contains(String.valueOf(payload.get("id"))) || !text.contains(counts)) {
            return new ReceiptCheck.Result(new Verdict(Verdict.Reason.PRINT_MISMATCH, "page one does not print the id and "
                    + "counts the summary signs", verdict.keyFingerprint()), judged.receipt());
        }
        return new ReceiptCheck.Result(new Verdict(verdict.reason(), verdict.detail() + "; the printed page matches",
                verdict.keyFingerprint()), judged.receipt());
    }

    private static ReceiptCheck.Result judged(SignedReceipt summary, TrustedKeys trusted) {
        Verdict verdict = ReceiptVerifier.verify(summary, trusted);
        if (!verdict.valid()) {
            return new ReceiptCheck.Result(verdict, Optional.of(summary));
        }
        Map<String, Object> payload = ReceiptReader.parse(summary.payload()).orElse(Map.of());
        if (!RollupSummary.isRollup(payload)) {
            return unreadable("signed, but not a Riddance office roll-up (format " + payload.get("format") + ")");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> counts = payload.get("counts") instanceof Map<?, ?> m ? (Map<String, ?>) m : Map.of();
        return new ReceiptCheck.Result(new Verdict(Verdict.Reason.VALID, "office roll-up " + payload.get("id")
                + " signed by key " + verdict.keyFingerprint() + "; " + RollupSummary.countsLine(counts),
                verdict.keyFingerprint()), Optional.of(summary));
    }

    private static ReceiptCheck.Result unreadable(String why) {
        return new ReceiptCheck.Result(new Verdict(Verdict.Reason.UNREADABLE, why, ""), Optional.empty());
    }

    private static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.toLowerCase(Locale.ROOT).lastIndexOf(".rollup.");
        return file.resolveSibling(name.substring(0, dot) + suffix);
    }

    private static byte[] bounded(Path file, int limit) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new IOException(file.getFileName() + " is larger than " + (limit >> 20) + " MB; no roll-up is");
            }
            return bytes;
        }
    }
}
