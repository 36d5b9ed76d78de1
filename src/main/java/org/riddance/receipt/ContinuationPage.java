package org.riddance.receipt;

import static org.riddance.receipt.ReceiptStyle.BOTTOM;
import static org.riddance.receipt.ReceiptStyle.GAP;
import static org.riddance.receipt.ReceiptStyle.LEFT;
import static org.riddance.receipt.ReceiptStyle.RIGHT;
import static org.riddance.receipt.ReceiptStyle.TOP;

import java.io.IOException;

/** A following page: the receipt's number and result in one line, then the products table where page one stopped. */
final class ContinuationPage {

    private final ReceiptStyle style;
    private final ReceiptView view;

    ContinuationPage(ReceiptStyle style, ReceiptView view) {
        this.style = style;
        this.view = view;
    }

    /** Draws the products from {@code from}; returns the first one left for the next page. */
    int draw(Canvas canvas, int from) throws IOException {
        float top = header(canvas, style, view);
        return new ProductTable(style, view.products()).draw(canvas, top, BOTTOM - top, from).next();
    }

    /** The line that ties a following page to its receipt; returns where the page's content starts. */
    static float header(Canvas canvas, ReceiptStyle style, ReceiptView view) throws IOException {
        TextStyle title = style.bodyBold().withColor(ReceiptStyle.ACCENT);
        canvas.text(title, LEFT, TOP + title.ascent(), "Riddance completion receipt, continued");
        TextStyle id = style.mono();
        canvas.textRightAligned(id, RIGHT, TOP + id.ascent(), view.receiptId() + "  " + view.result().name());
        float top = TOP + title.leading() + 4;
        canvas.hLine(ReceiptStyle.ACCENT, 1.2f, LEFT, RIGHT, top);
        return top + GAP;
    }
}
