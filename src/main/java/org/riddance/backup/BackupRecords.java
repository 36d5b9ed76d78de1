package org.riddance.backup;

import java.util.Optional;
import org.riddance.journal.JournalContents;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.entry.BackupFailed;
import org.riddance.journal.entry.BackupStarted;
import org.riddance.journal.entry.BackupVerified;
import org.riddance.journal.entry.BackupWaived;

/**
 * The journal entries of a back-up. {@code backup.verified} and {@code backup.waived} are what the removal gate
 * ({@code removal.BackupGate}) and the receipt read; {@code backup.started} without a later end is the one way
 * Riddance knows a back-up was interrupted.
 */
public final class BackupRecords {

    private BackupRecords() {
    }

    public static BackupStarted started(String archive, BackupPlan plan) {
        return new BackupStarted(archive, plan.available().stream().map(PlannedItem::key).toList(), plan.knownBytes());
    }

    public static BackupVerified verified(ArchiveCheck check) {
        return new BackupVerified(check.archive().toString(), check.sha256(), check.bytes(), check.entries(),
                check.manifest() == null ? java.util.List.of()
                        : check.manifest().skipped().stream().map(s -> s.source() + ": " + s.reason()).toList());
    }

    public static BackupWaived waived(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A waiver needs a reason");
        }
        return new BackupWaived(reason.strip());
    }

    /** The archive a back-up was writing when the session stopped without finishing it, if any. */
    public static Optional<String> interrupted(JournalContents journal) {
        Optional<JournalRecord> started = journal.lastRecord(BackupStarted.class);
        if (started.isEmpty()) {
            return Optional.empty();
        }
        long seq = started.get().seq();
        boolean ended = journal.records().stream().anyMatch(r -> r.seq() > seq && (r.entry() instanceof BackupVerified
                || r.entry() instanceof BackupFailed || r.entry() instanceof BackupWaived));
        return ended ? Optional.empty() : started.get().as(BackupStarted.class).map(BackupStarted::archive);
    }
}
