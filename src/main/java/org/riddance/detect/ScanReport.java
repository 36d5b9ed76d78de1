package org.riddance.detect;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one scan: what was found, what was looked at, and what could not be read. A source that
 * could not be read makes the scan incomplete, which is never reported as "nothing found".
 */
public record ScanReport(String hostname, String os, boolean sandbox, String catalogVersion, String catalogSha256,
                         Instant started, Instant finished, List<String> sourcesScanned,
                         List<String> sourcesFailed, List<Finding> findings) {

    public ScanReport {
        sourcesScanned = List.copyOf(sourcesScanned);
        sourcesFailed = List.copyOf(sourcesFailed);
        findings = List.copyOf(findings);
    }

    public boolean bannedFound() {
        return !findings.isEmpty();
    }

    public boolean complete() {
        return sourcesFailed.isEmpty();
    }
}
