package org.riddance.journal;

import java.time.Instant;
import java.util.Optional;
import org.riddance.journal.entry.JournalEntry;

/**
 * One line of the journal. {@code prev} is the SHA-256 of the previous line's exact bytes (zeros for the
 * first), {@code hash} the SHA-256 of this line's; so changing any line breaks the link to the next.
 */
public record JournalRecord(long seq, Instant time, JournalEntry entry, String prev, String hash) {

    public String type() {
        return entry.type();
    }

    /** The entry if it is of this kind. */
    public <T extends JournalEntry> Optional<T> as(Class<T> kind) {
        return kind.isInstance(entry) ? Optional.of(kind.cast(entry)) : Optional.empty();
    }
}
