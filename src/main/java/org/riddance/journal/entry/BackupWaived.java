package org.riddance.journal.entry;

/** {@code backup.waived}: The technician went without a back-up, for this reason. */
public record BackupWaived(String reason) implements JournalEntry {

    public static final String TYPE = "backup.waived";

    public BackupWaived {
        reason = reason == null ? "" : reason;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
