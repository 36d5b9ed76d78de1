package org.riddance.journal.entry;

import java.util.List;

/**
 * {@code removal.completed}: Removal ended: counts per outcome, what remains, stale Security Center entries, and the
 * paths removal kept because no verified back-up holds them (still there when it ended).
 */
public record RemovalCompleted(long removed, long cleaned, long failed, long skipped, List<String> remaining,
                               List<String> staleSecurityCenter, List<String> kept) implements JournalEntry {

    public static final String TYPE = "removal.completed";

    public RemovalCompleted {
        remaining = remaining == null ? List.of() : List.copyOf(remaining);
        staleSecurityCenter = staleSecurityCenter == null ? List.of() : List.copyOf(staleSecurityCenter);
        kept = kept == null ? List.of() : List.copyOf(kept);
    }

    public RemovalCompleted(long removed, long cleaned, long failed, long skipped, List<String> remaining,
                            List<String> staleSecurityCenter) {
        this(removed, cleaned, failed, skipped, remaining, staleSecurityCenter, List.of());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
