package org.riddance.journal.entry;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code removal.outcome}: How an item ended (removed, cleaned, failed, skipped): what the receipt reads.
 *
 * @param blockage when the vendor's own protection stopped it, which (password-needed, password-rejected,
 *                 self-defence, self-defence-or-restart); empty otherwise, and then not written
 */
public record RemovalOutcome(String id, String outcome, String detail,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) String blockage) implements JournalEntry {

    public static final String TYPE = "removal.outcome";

    public RemovalOutcome {
        id = id == null ? "" : id;
        outcome = outcome == null ? "" : outcome;
        detail = detail == null ? "" : detail;
        blockage = blockage == null ? "" : blockage;
    }

    public RemovalOutcome(String id, String outcome, String detail) {
        this(id, outcome, detail, "");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
