package org.riddance.receipt;

import java.io.IOException;
import java.util.Locale;

/** A section's small capitalised title with a hairline under it. */
final class SectionHeading {

    private static final float RULE_GAP = 3;
    private static final float AFTER = 5;

    private SectionHeading() {
    }

    /** The vertical space a heading takes, including the gap before the section's content. */
    static float height(ReceiptStyle style) {
        return style.sectionTitle().ascent() + RULE_GAP + AFTER;
    }

    /** Draws the heading from {@code top} across {@code width} and returns where the content starts. */
    static float draw(Canvas canvas, ReceiptStyle style, String title, float x, float top, float width)
            throws IOException {
        TextStyle text = style.sectionTitle();
        float baseline = top + text.ascent();
        canvas.text(text, x, baseline, title.toUpperCase(Locale.ROOT));
        canvas.hLine(ReceiptStyle.RULE, 0.6f, x, x + width, baseline + RULE_GAP);
        return top + height(style);
    }
}
