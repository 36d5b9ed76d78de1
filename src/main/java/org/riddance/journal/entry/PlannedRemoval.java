package org.riddance.journal.entry;

/** One plan item as the journal keeps it. */
public record PlannedRemoval(String id, String product, int order) {

    public PlannedRemoval {
        id = id == null ? "" : id;
        product = product == null ? "" : product;
    }
}
