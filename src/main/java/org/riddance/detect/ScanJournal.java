package org.riddance.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riddance.catalog.Catalog;

/** What the journal keeps of a scan: enough to say later what was found, with which catalog, and how sure. */
public final class ScanJournal {

    public static final String TYPE = "scan.completed";

    private ScanJournal() {
    }

    public static Map<String, Object> summary(ScanReport report, Catalog catalog) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", FindingsExport.status(report));
        data.put("catalogVersion", catalog.version());
        data.put("catalogSha256", catalog.sha256());
        data.put("catalogSource", catalog.source());
        data.put("sourcesFailed", report.sourcesFailed());
        List<Map<String, Object>> findings = report.findings().stream().map(f -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", f.productId());
            item.put("product", f.product());
            item.put("version", f.version());
            item.put("category", f.category().id());
            item.put("evidence", f.evidence().size());
            return item;
        }).toList();
        data.put("findings", findings);
        return data;
    }
}
