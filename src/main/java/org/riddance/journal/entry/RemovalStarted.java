package org.riddance.journal.entry;

import java.util.List;

/** {@code removal.started}: An item's removal began, with the exact commands (passwords masked). */
public record RemovalStarted(String id, String product, String method, List<String> commands) implements JournalEntry {

    public static final String TYPE = "removal.started";

    public RemovalStarted {
        id = id == null ? "" : id;
        product = product == null ? "" : product;
        method = method == null ? "" : method;
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
