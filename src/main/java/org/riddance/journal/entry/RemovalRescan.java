package org.riddance.journal.entry;

import java.util.List;

/** {@code removal.rescan}: The proof rescan: what it still finds. */
public record RemovalRescan(List<String> remaining, boolean complete) implements JournalEntry {

    public static final String TYPE = "removal.rescan";

    public RemovalRescan {
        remaining = remaining == null ? List.of() : List.copyOf(remaining);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
