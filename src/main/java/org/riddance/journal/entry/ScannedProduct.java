package org.riddance.journal.entry;

import java.util.List;

/** One finding as the journal keeps it; {@code managedBy}: the management server(s) its agent reports to. */
public record ScannedProduct(String id, String product, String version, String category, int evidence,
                             List<String> managedBy) {

    public ScannedProduct {
        id = id == null ? "" : id;
        product = product == null ? "" : product;
        version = version == null ? "" : version;
        category = category == null ? "" : category;
        managedBy = managedBy == null ? List.of() : List.copyOf(managedBy);
    }
}
