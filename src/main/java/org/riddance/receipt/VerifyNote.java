package org.riddance.receipt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Beside the QR code: what the code holds, the caller's lines on how to check it, and the signing key's
 * fingerprint in blocks of four so a person can compare it with a published copy by eye.
 */
final class VerifyNote {

    private static final String WHAT_IT_HOLDS =
            "The QR code holds this whole receipt, signed: any change breaks the signature.";
    private static final String HOLDS_SUMMARY = "The QR code holds a signed summary naming the whole receipt's "
            + "hash; the signed .receipt.json file holds every line.";
    private static final int LINES_PER_HINT = 3;
    private static final float BETWEEN_PARAGRAPHS = 3;
    private static final float LABEL_GAP = 2;
    private static final int HEX_PER_GROUP = 4;
    private static final int GROUPS_PER_LINE = 8;

    private final ReceiptStyle style;
    private final List<List<String>> paragraphs = new ArrayList<>();
    private final List<String> fingerprint;

    VerifyNote(ReceiptStyle style, ReceiptView view, float width) {
        this.style = style;
        TextStyle text = style.body();
        boolean summary = QrPayload.scan(view.qrText()).map(QrPayload.Scanned::summary).orElse(false);
        paragraphs.add(text.wrap(summary ? HOLDS_SUMMARY : WHAT_IT_HOLDS, width, LINES_PER_HINT));
        for (String hint : view.verifyHint()) {
            paragraphs.add(text.wrap(hint, width, LINES_PER_HINT));
        }
        fingerprint = fingerprintLines(view.keyFingerprint());
    }

    /** Lower-case hex in blocks of four, eight blocks to a line. */
    static List<String> fingerprintLines(String hex) {
        String lower = hex.toLowerCase(Locale.ROOT);
        int perLine = HEX_PER_GROUP * GROUPS_PER_LINE;
        List<String> lines = new ArrayList<>();
        for (int start = 0; start < lower.length(); start += perLine) {
            String chunk = lower.substring(start, Math.min(start + perLine, lower.length()));
            lines.add(String.join(" ", chunk.split("(?<=\\G.{" + HEX_PER_GROUP + "})")));
        }
        return lines;
    }

    float height() {
        float height = SectionHeading.height(style);
        for (List<String> paragraph : paragraphs) {
            height += paragraph.size() * style.body().leading() + BETWEEN_PARAGRAPHS;
        }
        return height + LABEL_GAP + style.label().leading() + fingerprint.size() * style.mono().leading();
    }

    /** Draws the note from {@code top} at {@code x}, {@code width} wide. */
    void draw(Canvas canvas, float x, float top, float width) throws IOException {
        float y = SectionHeading.draw(canvas, style, "Verify this receipt", x, top, width);
        TextStyle text = style.body();
        for (List<String> paragraph : paragraphs) {
            y = lines(canvas, text, x, y, paragraph) + BETWEEN_PARAGRAPHS;
        }
        TextStyle label = style.label();
        canvas.text(label, x, y + LABEL_GAP + label.ascent(), "Signing key fingerprint (SHA-256)");
        lines(canvas, style.mono(), x, y + LABEL_GAP + label.leading(), fingerprint);
    }

    private static float lines(Canvas canvas, TextStyle text, float x, float top, List<String> lines)
            throws IOException {
        float y = top;
        for (String line : lines) {
            canvas.text(text, x, y + text.ascent(), line);
            y += text.leading();
        }
        return y;
    }
}
