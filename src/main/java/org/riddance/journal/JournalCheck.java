package org.riddance.journal;

import java.util.Optional;

/**
 * What reading a journal found.
 *
 * @param intactRecords records read with an unbroken chain, from the first
 * @param broken        where the chain breaks: a changed, removed or inserted record
 * @param tornTailBytes bytes after the last complete line (a write cut off by a power loss or crash)
 */
public record JournalCheck(int intactRecords, Optional<Break> broken, int tornTailBytes) {

    public boolean chainIntact() {
        return broken.isEmpty();
    }

    public boolean hasTornTail() {
        return tornTailBytes > 0;
    }

    /** @param line 1-based line number in the file */
    public record Break(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }
}
