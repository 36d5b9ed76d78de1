package org.riddance.detect;

import java.util.List;
import org.riddance.catalog.Category;
import org.riddance.catalog.Citation;
import org.riddance.platform.OsFamily;

/**
 * A banned product found on the machine, with the evidence for it and the acts that ban it.
 *
 * @param productId catalog product id, or {@code <vendor>-unlisted} for a vendor product the catalog does not name
 * @param removable whether the catalog has a removal recipe Riddance can run for it here
 */
public record Finding(String productId, String product, String vendor, Category category, String version,
                      OsFamily platform, List<Evidence> evidence, List<Citation> citations, boolean removable) {

    public Finding {
        evidence = List.copyOf(evidence);
        citations = List.copyOf(citations);
    }

    /** The servers a management agent in this finding reports to: they may push the product back after removal. */
    public List<String> managementServers() {
        return evidence.stream().filter(e -> e.kind() == EvidenceKind.MANAGEMENT_SERVER)
                .map(e -> e.detail().replace(ManagementServerScanner.PREFIX, "").replace(ManagementServerScanner.WARNING, ""))
                .distinct().toList();
    }
}
