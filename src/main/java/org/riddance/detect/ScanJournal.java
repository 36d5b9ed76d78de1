package org.riddance.detect;

import org.riddance.catalog.Catalog;
import org.riddance.journal.entry.ScanCompleted;
import org.riddance.journal.entry.ScannedProduct;

/** What the journal keeps of a scan: enough to say later what was found, with which catalog, and how sure. */
public final class ScanJournal {

    private ScanJournal() {
    }

    public static ScanCompleted summary(ScanReport report, Catalog catalog) {
        return new ScanCompleted(FindingsExport.status(report), catalog.version(), catalog.sha256(), catalog.source(),
                report.sourcesFailed(), report.findings().stream().map(f -> new ScannedProduct(f.productId(),
                        f.product(), f.version(), f.category().id(), f.evidence().size())).toList());
    }
}
