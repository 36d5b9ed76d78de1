package org.riddance.receipt;

import java.io.IOException;

/**
 * Where the work is signed for, across the page: the technician's column (name printed) and the customer's, each
 * with a line to sign on and one for the date, captions under the lines.
 */
final class SignOff {

    /** Room above each line for handwriting. */
    private static final float WRITING_SPACE = 22;
    private static final float CAPTION_GAP = 2.5f;
    private static final float COLUMN_GAP = 14;
    private static final float DATE_SHARE = 0.34f;

    private final ReceiptStyle style;
    private final String technician;

    SignOff(ReceiptStyle style, String technician) {
        this.style = style;
        this.technician = technician;
    }

    float height() {
        return SectionHeading.height(style) + style.small().leading() + 2 * fieldHeight();
    }

    /** Draws the block from {@code top} at {@code x}, {@code width} wide. */
    void draw(Canvas canvas, float x, float top, float width) throws IOException {
        float y = SectionHeading.draw(canvas, style, "Signatures", x, top, width);
        TextStyle note = style.small();
        canvas.text(note, x, y + note.ascent(), note.fit("The technician signs for the work; the customer acknowledges it.", width));
        y += note.leading();
        float column = (width - COLUMN_GAP) / 2;
        party(canvas, x, y, column, "Technician", ReceiptStyle.shown(technician));
        party(canvas, x + column + COLUMN_GAP, y, column, "Customer", "");
    }

    /** One party's column: the name (printed for the technician), then signature and date side by side. */
    private void party(Canvas canvas, float x, float top, float width, String who, String printedName)
            throws IOException {
        TextStyle name = style.body();
        if (!printedName.isEmpty()) {
            canvas.text(name, x, top + WRITING_SPACE - 3, name.fit(printedName, width));
        }
        field(canvas, who + " name", x, top, width);
        float dateWidth = width * DATE_SHARE;
        field(canvas, who + " signature", x, top + fieldHeight(), width - dateWidth - 8);
        field(canvas, "Date", x + width - dateWidth, top + fieldHeight(), dateWidth);
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
