package org.riddance.journal;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the journal. {@code prev} is the SHA-256 of the previous line's exact bytes (zeros for the
 * first), {@code hash} the SHA-256 of this line's; so changing any line breaks the link to the next.
 */
public record JournalRecord(long seq, Instant time, String type, Map<String, Object> data, String prev, String hash) {

    public String text(String key) {
        Object value = data.get(key);
        return value == null ? "" : String.valueOf(value);
    }
}
