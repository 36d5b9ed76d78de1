package org.riddance.journal.entry;

/** {@code session.closed}: The session ended and is no longer offered to continue. */
public record SessionClosed(String outcome, String reason) implements JournalEntry {

    public static final String TYPE = "session.closed";

    public SessionClosed {
        outcome = outcome == null ? "" : outcome;
        reason = reason == null ? "" : reason;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
