package org.riddance.backup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.riddance.journal.JournalContents;
import org.riddance.journal.JournalRecord;

/**
 * The journal records of the Back up step. {@code backup.verified} and {@code backup.waived} are what the
 * removal gate ({@code removal.BackupGate}) and the receipt read; {@code backup.started} without a later end is how the next launch
 * knows a back-up was interrupted.
 */
public final class BackupRecords {

    public static final String STARTED = "backup.started";
    public static final String VERIFIED = "backup.verified";
    public static final String FAILED = "backup.failed";
    public static final String WAIVED = "backup.waived";

    private BackupRecords() {
    }

    public static Map<String, Object> started(String archive, BackupPlan plan) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("archive", archive);
        data.put("items", plan.available().stream().map(PlannedItem::key).toList());
        data.put("bytes", plan.knownBytes());
        return data;
    }

    public static Map<String, Object> verified(ArchiveCheck check) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("archive", check.archive().toString());
        data.put("sha256", check.sha256());
        data.put("bytes", check.bytes());
        data.put("entries", check.entries());
        if (check.manifest() != null && !check.manifest().skipped().isEmpty()) {
            data.put("skipped", check.manifest().skipped().stream().map(s -> s.source() + ": " + s.reason()).toList());
        }
        return data;
    }

    public static Map<String, Object> failed(String why) {
        return Map.of("reason", why);
    }

    public static Map<String, Object> waived(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A waiver needs a reason");
        }
        return Map.of("reason", reason.strip());
    }

    /** The archive a back-up was writing when the session stopped without finishing it, if any. */
    public static Optional<String> interrupted(JournalContents journal) {
        Optional<JournalRecord> started = journal.last(STARTED);
        if (started.isEmpty()) {
            return Optional.empty();
        }
        long seq = started.get().seq();
        boolean ended = journal.records().stream().anyMatch(r -> r.seq() > seq
                && (r.type().equals(VERIFIED) || r.type().equals(FAILED) || r.type().equals(WAIVED)));
        return ended ? Optional.empty() : Optional.of(started.get().text("archive"));
    }
}
