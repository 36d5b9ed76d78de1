package org.riddance.receipt;

import static org.riddance.receipt.ReceiptStyle.BOTTOM;
import static org.riddance.receipt.ReceiptStyle.GAP;
import static org.riddance.receipt.ReceiptStyle.LEFT;
import static org.riddance.receipt.ReceiptStyle.RIGHT;
import static org.riddance.receipt.ReceiptStyle.TOP;
import static org.riddance.receipt.ReceiptStyle.WIDTH;

import java.io.IOException;

/**
 * Places the first page's sections one under the other: header and banner, facts, products, details, then the QR
 * code on the right with the verify note to its left and, under the note at the foot of the page, the technician's
 * and the customer's signatures. The products table gets the height the rest leaves; products beyond it continue on following pages
 * ({@link ContinuationPage}).
 */
final class ReceiptPage {

    private final ReceiptStyle style;
    private final ReceiptView view;

    ReceiptPage(ReceiptStyle style, ReceiptView view) {
        this.style = style;
        this.view = view;
    }

    /** Draws page one and returns the index of the first product left for a following page. */
    int draw(Canvas canvas) throws IOException {
        QrBlock qr = new QrBlock(view.qrText());
        DetailsSection details = new DetailsSection(style, view);
        // nothing may be drawn in the code's quiet zone
        float clearOfQr = Math.max(GAP, qr.quietZone() + 2);
        float columnWidth = WIDTH - qr.side() - clearOfQr - GAP;
        VerifyNote note = new VerifyNote(style, view, columnWidth);
        SignOff signOff = new SignOff(style, view.technicianName());
        float zoneHeight = Math.max(qr.side(), note.height() + GAP + signOff.height());

        float top = new ReceiptHeader(style, view).draw(canvas, TOP) + GAP;
        top = FactGrid.jobFacts(style, view).draw(canvas, top) + GAP;
        float below = details.height() + GAP + clearOfQr + zoneHeight;
        ProductTable.Drawn products = new ProductTable(style, view.products()).draw(canvas, top, BOTTOM - below - top, 0);
        // what is left over goes between the table and the details, so the signatures sit at the foot of the page
        float zoneTop = BOTTOM - zoneHeight;
        float detailsTop = Math.max(products.bottom() + GAP, zoneTop - clearOfQr - details.height());
        details.draw(canvas, detailsTop);

        qr.draw(canvas, RIGHT - qr.side(), zoneTop);
        note.draw(canvas, LEFT, zoneTop, columnWidth);
        signOff.draw(canvas, LEFT, BOTTOM - signOff.height(), columnWidth);
        return products.next();
    }
}
