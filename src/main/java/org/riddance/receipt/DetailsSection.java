package org.riddance.receipt;

import static org.riddance.receipt.ReceiptStyle.LABEL_WIDTH;
import static org.riddance.receipt.ReceiptStyle.LEFT;
import static org.riddance.receipt.ReceiptStyle.WIDTH;

import java.io.IOException;
import java.util.List;
import org.riddance.receipt.FactColumn.Fact;

/**
 * The supporting facts: backup, replacement antivirus and legal basis across the page, where their long values
 * read best, then catalog and app version side by side.
 */
final class DetailsSection {

    private final ReceiptStyle style;
    private final FactColumn wide;
    private final FactGrid catalogAndVersion;

    DetailsSection(ReceiptStyle style, ReceiptView view) {
        this.style = style;
        List<Fact> facts = new java.util.ArrayList<>(List.of(Fact.wrapping("Backup", view.backup(), 4),
                Fact.wrapping("Replacement antivirus", view.antivirus(), 2),
                Fact.wrapping("Legal basis", String.join("  ·  ", view.citations()), 2)));
        if (!view.managedBy().isEmpty()) { // the server that may push the product back (issue 13 item 6)
            facts.add(Fact.wrapping("Managed by", view.managedBy(), 2));
        }
        if (!view.notes().isEmpty()) { // the technician's notes for the customer, as typed on the Welcome step
            facts.add(Fact.wrapping("Notes", view.notes(), 3));
        }
        wide = new FactColumn(style, facts, WIDTH, LABEL_WIDTH);
        catalogAndVersion = new FactGrid(style, List.of(Fact.wrapping("Catalog", view.catalog(), 2)),
                List.of(Fact.of("Riddance version", view.appVersion())));
    }

    float height() {
        return SectionHeading.height(style) + wide.height() + catalogAndVersion.height();
    }

    /** Draws the section from {@code top} and returns where it ends. */
    float draw(Canvas canvas, float top) throws IOException {
        float y = SectionHeading.draw(canvas, style, "Details", LEFT, top, WIDTH);
        wide.draw(canvas, LEFT, y);
        catalogAndVersion.draw(canvas, y + wide.height());
        return top + height();
    }
}
