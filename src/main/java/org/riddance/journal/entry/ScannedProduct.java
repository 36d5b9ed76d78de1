package org.riddance.journal.entry;

/** One finding as the journal keeps it. */
public record ScannedProduct(String id, String product, String version, String category, int evidence) {

    public ScannedProduct {
        id = id == null ? "" : id;
        product = product == null ? "" : product;
        version = version == null ? "" : version;
        category = category == null ? "" : category;
    }
}
