package org.riddance.journal.entry;

/** {@code session.resumed}: The session was opened again (a new window, a later command, after a restart). */
public record SessionResumed(String atStep) implements JournalEntry {

    public static final String TYPE = "session.resumed";

    public SessionResumed {
        atStep = atStep == null ? "" : atStep;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
