package org.riddance.journal.entry;

/** {@code removal.resumed}: Removal went on after the restart. */
public record RemovalResumed(String bootId, boolean afterRestart) implements JournalEntry {

    public static final String TYPE = "removal.resumed";

    public RemovalResumed {
        bootId = bootId == null ? "" : bootId;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
