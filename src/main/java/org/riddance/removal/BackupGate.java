package org.riddance.removal;

import java.util.List;
import java.util.Optional;
import org.riddance.journal.JournalRecord;
import org.riddance.receipt.ReceiptBuilder;

/**
 * Removal runs only after a verified backup, or with the technician's recorded reason for having none. The journal
 * decides: a {@code backup.verified} record, or a {@code backup.waived} one with a reason that is not blank.
 */
public final class BackupGate {

    /** @param open whether removal may run; {@code why} says what the journal holds, or what is missing */
    public record Decision(boolean open, String why) {
    }

    private BackupGate() {
    }

    public static Decision check(List<JournalRecord> records) {
        Optional<JournalRecord> last = records.stream()
                .filter(r -> r.type().equals(ReceiptBuilder.BACKUP_VERIFIED) || r.type().equals(ReceiptBuilder.BACKUP_WAIVED))
                .reduce((a, b) -> b);
        if (last.isEmpty()) {
            return new Decision(false, "no verified backup and no recorded reason for going without one: back up "
                    + "first (or record why there is no backup)");
        }
        JournalRecord r = last.get();
        if (r.type().equals(ReceiptBuilder.BACKUP_VERIFIED)) {
            return r.text("sha256").isBlank()
                    ? new Decision(false, "the backup record has no checksum: verify the backup again")
                    : new Decision(true, "backup verified: " + r.text("archive") + " (SHA-256 " + r.text("sha256") + ")");
        }
        return r.text("reason").isBlank()
                ? new Decision(false, "going without a backup needs a reason, and none was recorded")
                : new Decision(true, "backup waived: " + r.text("reason"));
    }
}
