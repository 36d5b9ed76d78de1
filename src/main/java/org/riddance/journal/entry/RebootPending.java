package org.riddance.journal.entry;

import java.util.List;

/** {@code removal.reboot-pending}: A restart is owed; {@code bootId} tells the same boot from the next. */
public record RebootPending(String bootId, List<String> items) implements JournalEntry {

    public static final String TYPE = "removal.reboot-pending";

    public RebootPending {
        bootId = bootId == null ? "" : bootId;
        items = items == null ? List.of() : List.copyOf(items);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
