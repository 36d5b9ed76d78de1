package org.riddance.journal.entry;

import java.util.List;

/** {@code removal.planned}: The removal plan, in the order it runs. */
public record RemovalPlanned(List<PlannedRemoval> items) implements JournalEntry {

    public static final String TYPE = "removal.planned";

    public RemovalPlanned {
        items = items == null ? List.of() : List.copyOf(items);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
