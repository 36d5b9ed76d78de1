package org.riddance.receipt;

import java.io.IOException;

/** Where the customer signs: name and date on one line, the signature on the next, captions under the lines. */
final class SignOff {

    /** Room above each line for handwriting. */
    private static final float WRITING_SPACE = 24;
    private static final float CAPTION_GAP = 2.5f;
    private static final float FIELD_GAP = 14;
    private static final float NAME_SHARE = 0.62f;

    private final ReceiptStyle style;

    SignOff(ReceiptStyle style) {
        this.style = style;
    }

    float height() {
        return SectionHeading.height(style) + style.small().leading() + 2 * fieldHeight();
    }

    /** Draws the block from {@code top} at {@code x}, {@code width} wide. */
    void draw(Canvas canvas, float x, float top, float width) throws IOException {
        float y = SectionHeading.draw(canvas, style, "Customer sign-off", x, top, width);
        TextStyle note = style.small();
        canvas.text(note, x, y + note.ascent(), note.fit("Signed by the customer to acknowledge the work above.", width));
        y += note.leading();
        float nameWidth = (width - FIELD_GAP) * NAME_SHARE;
        field(canvas, "Customer name", x, y, nameWidth);
        field(canvas, "Date", x + nameWidth + FIELD_GAP, y, width - nameWidth - FIELD_GAP);
        field(canvas, "Signature", x, y + fieldHeight(), width);
    }

    private void field(Canvas canvas, String caption, float x, float top, float width) throws IOException {
        TextStyle text = style.label();
        float lineY = top + WRITING_SPACE;
        canvas.hLine(ReceiptStyle.INK, 0.7f, x, x + width, lineY);
        canvas.text(text, x, lineY + CAPTION_GAP + text.ascent(), caption);
    }

    private float fieldHeight() {
        return WRITING_SPACE + CAPTION_GAP + style.label().leading();
    }
}
