package org.riddance.receipt;

import static org.riddance.receipt.ReceiptStyle.BOTTOM;
import static org.riddance.receipt.ReceiptStyle.LEFT;
import static org.riddance.receipt.ReceiptStyle.WIDTH;

import java.io.IOException;
import java.util.List;

/**
 * The technician's whole reason for going without a back-up, after the products, when page one had room for only
 * its start: the customer signs the receipt, so the paper says all of it (issue 14). A reason longer
 * than a page goes on over as many pages as it needs.
 */
final class WaiverPages {

    private final ReceiptStyle style;
    private final ReceiptView view;
    private final List<String> lines;

    WaiverPages(ReceiptStyle style, ReceiptView view) {
        this.style = style;
        this.view = view;
        this.lines = style.body().wrap(view.waiverInFull().replaceAll("\\s+", " "), WIDTH, Integer.MAX_VALUE);
    }

    /** The number of wrapped lines; drawing goes on while {@link #draw} returns less. */
    int lines() {
        return lines.size();
    }

    /** Draws the lines from {@code from} on one page; returns the first line left for the next page. */
    int draw(Canvas canvas, int from) throws IOException {
        float top = ContinuationPage.header(canvas, style, view);
        top = SectionHeading.draw(canvas, style, from == 0 ? "Back-up waived: the technician's reason in full"
                : "Back-up waived: the technician's reason, continued", LEFT, top, WIDTH);
        TextStyle body = style.body();
        float baseline = top + body.ascent();
        int next = from;
        while (next < lines.size() && (next == from || baseline + body.leading() - body.ascent() <= BOTTOM)) {
            canvas.text(body, LEFT, baseline, lines.get(next++));
            baseline += body.leading();
        }
        return next;
    }
}
