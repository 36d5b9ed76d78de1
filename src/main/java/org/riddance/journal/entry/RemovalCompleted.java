package org.riddance.journal.entry;

import java.util.List;

/** {@code removal.completed}: Removal ended: counts per outcome, what remains, stale Security Center entries. */
public record RemovalCompleted(long removed, long cleaned, long failed, long skipped, List<String> remaining, List<String> staleSecurityCenter) implements JournalEntry {

    public static final String TYPE = "removal.completed";

    public RemovalCompleted {
        remaining = remaining == null ? List.of() : List.copyOf(remaining);
        staleSecurityCenter = staleSecurityCenter == null ? List.of() : List.copyOf(staleSecurityCenter);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
