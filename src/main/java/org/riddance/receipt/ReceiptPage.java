package org.riddance.receipt;

import static org.riddance.receipt.ReceiptStyle.BOTTOM;
import static org.riddance.receipt.ReceiptStyle.GAP;
import static org.riddance.receipt.ReceiptStyle.LEFT;
import static org.riddance.receipt.ReceiptStyle.PAGE;
import static org.riddance.receipt.ReceiptStyle.RIGHT;
import static org.riddance.receipt.ReceiptStyle.TOP;
import static org.riddance.receipt.ReceiptStyle.WIDTH;

import java.io.IOException;

/**
 * Places the sections on the A4 page, one under the other: header and banner, facts, products, details, then the
 * QR code on the right with the verify note and the customer sign-off to its left. The products table gets the
 * height the rest leaves, which is room for twelve one-line rows even with the largest QR code; a short receipt
 * leaves white space at the foot of the page rather than a hole in the middle.
 */
final class ReceiptPage {

    private final ReceiptStyle style;
    private final ReceiptView view;

    ReceiptPage(ReceiptStyle style, ReceiptView view) {
        this.style = style;
        this.view = view;
    }

    void draw(Canvas canvas) throws IOException {
        QrBlock qr = new QrBlock(view.qrText());
        DetailsSection details = new DetailsSection(style, view);
        // nothing may be drawn in the code's quiet zone
        float clearOfQr = Math.max(GAP, qr.quietZone() + 2);
        float columnWidth = WIDTH - qr.side() - clearOfQr - GAP;
        VerifyNote note = new VerifyNote(style, view, columnWidth);
        SignOff signOff = new SignOff(style);
        float zoneHeight = Math.max(qr.side(), note.height() + GAP + signOff.height());

        float top = new ReceiptHeader(style, view).draw(canvas, TOP) + GAP;
        top = FactGrid.jobFacts(style, view).draw(canvas, top) + GAP;
        float productsRoom = BOTTOM - zoneHeight - clearOfQr - details.height() - GAP - top;
        top = new ProductTable(style, view.products()).draw(canvas, top, productsRoom) + GAP;
        float zoneTop = details.draw(canvas, top) + clearOfQr;

        qr.draw(canvas, RIGHT - qr.side(), zoneTop);
        note.draw(canvas, LEFT, zoneTop, columnWidth);
        // the sign-off ends level with the code's bottom edge
        signOff.draw(canvas, LEFT, zoneTop + zoneHeight - signOff.height(), columnWidth);
        footer(canvas);
    }

    /** One quiet line in the bottom margin, so a loose page still says what it belongs to. */
    private void footer(Canvas canvas) throws IOException {
        TextStyle small = style.small();
        float baseline = PAGE.getHeight() - (PAGE.getHeight() - BOTTOM) / 2 + small.ascent() / 2;
        canvas.text(small, LEFT, baseline, small.fit("Riddance completion receipt " + view.receiptId(), WIDTH * 0.7f));
        canvas.textRightAligned(small, RIGHT, baseline, "Page 1 of 1");
    }
}
