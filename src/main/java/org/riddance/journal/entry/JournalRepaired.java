package org.riddance.journal.entry;

/** {@code journal.repaired}: A torn last line (a write cut off by a crash or power loss) was set aside on reopening. */
public record JournalRepaired(long tornBytes, String keptAs) implements JournalEntry {

    public static final String TYPE = "journal.repaired";

    public JournalRepaired {
        keptAs = keptAs == null ? "" : keptAs;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
