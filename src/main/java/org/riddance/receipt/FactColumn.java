package org.riddance.receipt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Rows of "label  value" in one column: the label small and grey, a long value wrapping under itself. */
final class FactColumn {

    private static final float PAD_Y = 2.2f;

    /** One row; a value longer than the column wraps to at most {@code maxLines}, then ends with an ellipsis. */
    record Fact(String label, String value, int maxLines) {
        static Fact of(String label, String value) {
            return new Fact(label, value, 1);
        }

        static Fact wrapping(String label, String value, int maxLines) {
            return new Fact(label, value, maxLines);
        }
    }

    private record Row(String label, List<String> lines) {
    }

    private final ReceiptStyle style;
    private final float labelWidth;
    private final float width;
    private final List<Row> rows = new ArrayList<>();

    FactColumn(ReceiptStyle style, List<Fact> facts, float width, float labelWidth) {
        this.style = style;
        this.width = width;
        this.labelWidth = labelWidth;
        TextStyle value = style.body();
        for (Fact fact : facts) {
            rows.add(new Row(fact.label(),
                    value.wrap(ReceiptStyle.shown(fact.value()), width - labelWidth, fact.maxLines())));
        }
    }

    int size() {
        return rows.size();
    }

    /** The height row {@code index} needs, 0 past the last row. */
    float rowHeight(int index) {
        if (index >= rows.size()) {
            return 0;
        }
        return 2 * PAD_Y + Math.max(1, rows.get(index).lines().size()) * style.body().leading();
    }

    float height() {
        float height = 0;
        for (int i = 0; i < rows.size(); i++) {
            height += rowHeight(i);
        }
        return height;
    }

    /** Draws the rows at their own heights with the column's top-left corner at ({@code x}, {@code top}). */
    void draw(Canvas canvas, float x, float top) throws IOException {
        float[] heights = new float[rows.size()];
        for (int i = 0; i < heights.length; i++) {
            heights[i] = rowHeight(i);
        }
        draw(canvas, x, top, heights);
    }

    /** Draws the rows at the given heights, so two columns side by side can share row lines. */
    void draw(Canvas canvas, float x, float top, float[] heights) throws IOException {
        TextStyle label = style.label();
        TextStyle value = style.body();
        float y = top;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            float baseline = y + PAD_Y + value.ascent();
            canvas.text(label, x, baseline, label.fit(row.label(), labelWidth - 4));
            for (String line : row.lines()) {
                canvas.text(value, x + labelWidth, baseline, line);
                baseline += value.leading();
            }
            y += heights[i];
            canvas.hLine(ReceiptStyle.TABLE_HEAD, 0.5f, x, x + width, y);
        }
    }
}
