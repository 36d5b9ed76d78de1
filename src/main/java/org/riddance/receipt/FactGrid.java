package org.riddance.receipt;

import static org.riddance.receipt.ReceiptStyle.COLUMN_WIDTH;
import static org.riddance.receipt.ReceiptStyle.LABEL_WIDTH;
import static org.riddance.receipt.ReceiptStyle.LEFT;
import static org.riddance.receipt.ReceiptStyle.RIGHT_COLUMN;

import java.io.IOException;
import java.util.List;
import org.riddance.receipt.FactColumn.Fact;

/** Two columns of facts whose rows line up: each row as tall as the taller of its two sides. */
final class FactGrid {

    private final FactColumn left;
    private final FactColumn right;
    private final float[] heights;

    FactGrid(ReceiptStyle style, List<Fact> leftFacts, List<Fact> rightFacts) {
        left = new FactColumn(style, leftFacts, COLUMN_WIDTH, LABEL_WIDTH);
        right = new FactColumn(style, rightFacts, COLUMN_WIDTH, LABEL_WIDTH);
        heights = new float[Math.max(left.size(), right.size())];
        for (int i = 0; i < heights.length; i++) {
            heights[i] = Math.max(left.rowHeight(i), right.rowHeight(i));
        }
    }

    /** Who, where and when: the computer and technician on the left, the customer and the times on the right. */
    static FactGrid jobFacts(ReceiptStyle style, ReceiptView view) {
        String technician = view.technicianId().isBlank()
                ? view.technicianName()
                : view.technicianName() + " (" + view.technicianId() + ")";
        return new FactGrid(style,
                List.of(Fact.of("Computer", view.hostname()), Fact.wrapping("Operating system", view.os(), 2),
                        Fact.of("Serial number", view.serial()), Fact.wrapping("Technician", technician, 2)),
                List.of(Fact.wrapping("Customer / site", view.site(), 2), Fact.of("Ticket", view.ticket()),
                        Fact.of("Started", view.started()), Fact.of("Finished", view.finished())));
    }

    float height() {
        float height = 0;
        for (float row : heights) {
            height += row;
        }
        return height;
    }

    /** Draws the grid from {@code top} down and returns where the next section may start. */
    float draw(Canvas canvas, float top) throws IOException {
        left.draw(canvas, LEFT, top, heights);
        right.draw(canvas, RIGHT_COLUMN, top, heights);
        return top + height();
    }
}
