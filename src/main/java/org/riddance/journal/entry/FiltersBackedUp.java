package org.riddance.journal.entry;

import java.util.List;

/** {@code removal.filters-backed-up}: A device class's UpperFilters were changed; the old value was saved first. */
public record FiltersBackedUp(String id, String classKey, List<String> removed, List<String> kept, String backup) implements JournalEntry {

    public static final String TYPE = "removal.filters-backed-up";

    public FiltersBackedUp {
        id = id == null ? "" : id;
        classKey = classKey == null ? "" : classKey;
        removed = removed == null ? List.of() : List.copyOf(removed);
        kept = kept == null ? List.of() : List.copyOf(kept);
        backup = backup == null ? "" : backup;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
