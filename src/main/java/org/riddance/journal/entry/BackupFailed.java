package org.riddance.journal.entry;

/** {@code backup.failed}: A back-up ended without a verified archive. */
public record BackupFailed(String reason) implements JournalEntry {

    public static final String TYPE = "backup.failed";

    public BackupFailed {
        reason = reason == null ? "" : reason;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
