package org.riddance.receipt;

import static org.riddance.receipt.ReceiptStyle.LEFT;
import static org.riddance.receipt.ReceiptStyle.WIDTH;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.riddance.receipt.ReceiptView.ProductLine;

/**
 * The banned products and what happened to each, as a table that fits the height it is given: long names wrap,
 * and rows that do not fit continue on the following page.
 */
final class ProductTable {

    private static final String[] HEADINGS = {"Product", "Version", "Category", "Outcome"};
    private static final float[] SHARES = {0.48f, 0.14f, 0.21f, 0.17f};
    /** Names wrap rather than end in an ellipsis: the verifier compares the printed names with the signed ones. */
    private static final int LINES_PER_CELL = 6;
    private static final float PAD_X = 5;
    private static final float PAD_Y = 2.5f;
    private static final float HEAD_ROW = 15;

    private final ReceiptStyle style;
    private final List<ProductLine> products;

    ProductTable(ReceiptStyle style, List<ProductLine> products) {
        this.style = style;
        this.products = products;
    }

    /** Where a drawn table ends, and the index of the first product it had no room for. */
    record Drawn(float bottom, int next) {
    }

    /**
     * Draws the products from index {@code from} at {@code top}, using no more than {@code maxHeight}; rows that do
     * not fit are left for a following page, which a closing line announces.
     */
    Drawn draw(Canvas canvas, float top, float maxHeight, int from) throws IOException {
        float bottom = top + maxHeight;
        float y = SectionHeading.draw(canvas, style, from == 0 ? "Banned products"
                : "Banned products, continued (" + (from + 1) + " to " + products.size() + ")", LEFT, top, WIDTH);
        y = headRow(canvas, y);
        if (products.isEmpty()) {
            return new Drawn(noteRow(canvas, y, "No banned products were found on this computer."), 0);
        }
        for (int i = from; i < products.size(); i++) {
            List<List<String>> cells = cells(products.get(i));
            float height = rowHeight(cells);
            boolean last = i == products.size() - 1;
            // keep room for the "continued" line unless this is the last product
            if (y + height + (last ? 0 : oneLineRow()) > bottom && i > from) {
                int left = products.size() - i;
                return new Drawn(noteRow(canvas, y, left + " more " + (left == 1 ? "row" : "rows")
                        + " on the next page."), i);
            }
            y = row(canvas, y, cells);
        }
        return new Drawn(y, products.size());
    }

    private float headRow(Canvas canvas, float top) throws IOException {
        canvas.fillRect(ReceiptStyle.TABLE_HEAD, LEFT, top, WIDTH, HEAD_ROW);
        TextStyle head = style.label().withColor(ReceiptStyle.INK);
        float x = LEFT;
        for (int c = 0; c < HEADINGS.length; c++) {
            canvas.text(head, x + PAD_X, top + HEAD_ROW / 2 + head.ascent() / 2, HEADINGS[c]);
            x += SHARES[c] * WIDTH;
        }
        return top + HEAD_ROW;
    }

    private float row(Canvas canvas, float top, List<List<String>> cells) throws IOException {
        float x = LEFT;
        for (int c = 0; c < cells.size(); c++) {
            TextStyle text = cellStyle(c);
            float baseline = top + PAD_Y + text.ascent();
            for (String line : cells.get(c)) {
                canvas.text(text, x + PAD_X, baseline, line);
                baseline += text.leading();
            }
            x += SHARES[c] * WIDTH;
        }
        float bottom = top + rowHeight(cells);
        canvas.hLine(ReceiptStyle.RULE, 0.5f, LEFT, LEFT + WIDTH, bottom);
        return bottom;
    }

    private float noteRow(Canvas canvas, float top, String note) throws IOException {
        TextStyle muted = style.body().withColor(ReceiptStyle.MUTED);
        canvas.text(muted, LEFT + PAD_X, top + PAD_Y + muted.ascent(), muted.fit(note, WIDTH - 2 * PAD_X));
        return top + oneLineRow();
    }

    private List<List<String>> cells(ProductLine product) {
        String[] values = {product.name(), product.version(), product.category(), product.outcome()};
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < values.length; c++) {
            TextStyle text = cellStyle(c);
            cells.add(text.wrap(ReceiptStyle.shown(values[c]), SHARES[c] * WIDTH - 2 * PAD_X, LINES_PER_CELL));
        }
        return cells;
    }

    /** The product name in bold: it is what the reader looks for. */
    private TextStyle cellStyle(int column) {
        return column == 0 ? style.bodyBold() : style.body();
    }

    private float rowHeight(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return 2 * PAD_Y + Math.max(1, lines) * style.body().leading();
    }

    private float oneLineRow() {
        return 2 * PAD_Y + style.body().leading();
    }
}
