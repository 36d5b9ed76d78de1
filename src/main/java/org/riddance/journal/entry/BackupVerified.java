package org.riddance.journal.entry;

import java.util.List;

/** {@code backup.verified}: The archive was written and read back intact. */
public record BackupVerified(String archive, String sha256, long bytes, long entries, List<String> skipped) implements JournalEntry {

    public static final String TYPE = "backup.verified";

    public BackupVerified {
        archive = archive == null ? "" : archive;
        sha256 = sha256 == null ? "" : sha256;
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
