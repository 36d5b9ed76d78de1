package org.riddance.journal.entry;

/** {@code step.entered}: The wizard showed a step. */
public record StepEntered(String step) implements JournalEntry {

    public static final String TYPE = "step.entered";

    public StepEntered {
        step = step == null ? "" : step;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
