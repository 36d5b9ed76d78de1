package org.riddance.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.riddance.catalog.Citation;
import org.riddance.work.JsonValues;

/** The scan report as JSON (for fleet tools and the evidence bundle) and CSV (for a spreadsheet). */
public final class FindingsExport {

    private FindingsExport() {
    }

    /** "banned-found", "clean", or "incomplete" when a source could not be read and nothing was found. */
    public static String status(ScanReport report) {
        if (report.bannedFound()) {
            return "banned-found";
        }
        return report.complete() ? "clean" : "incomplete";
    }

    public static Map<String, Object> toMap(ScanReport report, String catalogSource) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", "scan");
        out.put("status", status(report));
        // nested objects sorted: Map.of iterates in an order salted per JVM, and a fleet tool diffing two runs'
        // output would see their keys move
        out.put("host", new TreeMap<>(Map.of("hostname", report.hostname(), "os", report.os(),
                "sandbox", report.sandbox())));
        out.put("catalog", new TreeMap<>(Map.of("version", report.catalogVersion(), "sha256", report.catalogSha256(),
                "source", catalogSource)));
        out.put("started", report.started().toString());
        out.put("finished", report.finished().toString());
        out.put("sourcesScanned", report.sourcesScanned());
        out.put("sourcesFailed", report.sourcesFailed());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("id", f.productId());
            finding.put("product", f.product());
            finding.put("vendor", f.vendor());
            finding.put("category", f.category().id());
            finding.put("version", f.version());
            finding.put("platform", f.platform().id());
            finding.put("removable", f.removable());
            finding.put("citations", f.citations().stream().map(Citation::id).toList());
            finding.put("evidence", f.evidence().stream().map(e -> new TreeMap<>(Map.of("kind", e.kind().id(),
                    "location", e.location(), "detail", e.detail()))).toList());
            findings.add(finding);
        }
        out.put("findings", findings);
        return out;
    }

    public static String toJson(ScanReport report, String catalogSource) {
        return JsonValues.indented(toMap(report, catalogSource));
    }

    /** One row per piece of evidence, so a spreadsheet filter shows everything about one product. */
    public static String toCsv(ScanReport report) {
        StringBuilder csv = new StringBuilder("product_id,product,vendor,category,version,removable,citations,"
                + "evidence_kind,location,detail\r\n");
        for (Finding f : report.findings()) {
            String citations = f.citations().stream().map(Citation::id).collect(Collectors.joining(" "));
            for (Evidence e : f.evidence()) {
                csv.append(String.join(",", cell(f.productId()), cell(f.product()), cell(f.vendor()),
                        cell(f.category().id()), cell(f.version()), cell(String.valueOf(f.removable())), cell(citations),
                        cell(e.kind().id()), cell(e.location()), cell(e.detail()))).append("\r\n");
            }
        }
        return csv.toString();
    }

    /** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.matches(".*[\",\\r\\n].*") || v.startsWith("'") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
