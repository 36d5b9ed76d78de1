package org.riddance.journal.entry;

/** {@code removal.outcome}: How an item ended (removed, cleaned, failed, skipped): what the receipt reads. */
public record RemovalOutcome(String id, String outcome, String detail) implements JournalEntry {

    public static final String TYPE = "removal.outcome";

    public RemovalOutcome {
        id = id == null ? "" : id;
        outcome = outcome == null ? "" : outcome;
        detail = detail == null ? "" : detail;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
