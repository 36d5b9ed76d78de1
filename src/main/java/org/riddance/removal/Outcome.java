package org.riddance.removal;

import java.util.Locale;

/** How one plan item ended, as {@code removal.outcome} records it and the receipt reads it. */
public enum Outcome {
    /** The product was uninstalled and the rescan no longer finds it. */
    REMOVED,
    /** Leftovers (folders, keys, drivers, filters) were cleaned and the rescan no longer finds them. */
    CLEANED,
    /** Something remains or an uninstaller failed; the record says what to do next. */
    FAILED,
    /** Deliberately not touched (an engine inside another vendor's product, or the technician chose so). */
    SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
