package org.riddance.journal.entry;

import java.util.List;

/** {@code scan.completed}: What a scan found, with which catalog, and how sure (status incomplete when a source could not be read). */
public record ScanCompleted(String status, String catalogVersion, String catalogSha256, String catalogSource, List<String> sourcesFailed, List<ScannedProduct> findings) implements JournalEntry {

    public static final String TYPE = "scan.completed";

    public ScanCompleted {
        status = status == null ? "" : status;
        catalogVersion = catalogVersion == null ? "" : catalogVersion;
        catalogSha256 = catalogSha256 == null ? "" : catalogSha256;
        catalogSource = catalogSource == null ? "" : catalogSource;
        sourcesFailed = sourcesFailed == null ? List.of() : List.copyOf(sourcesFailed);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
