package org.riddance.journal.entry;

import java.util.List;

/** {@code backup.started}: A back-up began writing {@code archive}; without a later end it was interrupted. */
public record BackupStarted(String archive, List<String> items, long bytes) implements JournalEntry {

    public static final String TYPE = "backup.started";

    public BackupStarted {
        archive = archive == null ? "" : archive;
        items = items == null ? List.of() : List.copyOf(items);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
