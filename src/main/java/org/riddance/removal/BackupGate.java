package org.riddance.removal;

import java.util.List;
import java.util.Optional;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.entry.BackupVerified;
import org.riddance.journal.entry.BackupWaived;
import org.riddance.journal.entry.JournalEntry;

/**
 * Removal runs only after a verified backup, or with the technician's recorded reason for having none. The journal
 * decides: a {@code backup.verified} entry, or a {@code backup.waived} one with a reason that is not blank.
 */
public final class BackupGate {

    /** @param open whether removal may run; {@code why} says what the journal holds, or what is missing */
    public record Decision(boolean open, String why) {
    }

    private BackupGate() {
    }

    public static Decision check(List<JournalRecord> records) {
        Optional<JournalEntry> last = records.stream().map(JournalRecord::entry)
                .filter(e -> e instanceof BackupVerified || e instanceof BackupWaived)
                .reduce((a, b) -> b);
        if (last.isEmpty()) {
            return new Decision(false, "no verified backup and no recorded reason for going without one: back up "
                    + "first (or record why there is no backup)");
        }
        if (last.get() instanceof BackupVerified v) {
            return v.sha256().isBlank()
                    ? new Decision(false, "the backup record has no checksum: verify the backup again")
                    : new Decision(true, "backup verified: " + v.archive() + " (SHA-256 " + v.sha256() + ")");
        }
        BackupWaived w = (BackupWaived) last.get();
        return w.reason().isBlank()
                ? new Decision(false, "going without a backup needs a reason, and none was recorded")
                : new Decision(true, "backup waived: " + w.reason());
    }
}
