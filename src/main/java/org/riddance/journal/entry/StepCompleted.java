package org.riddance.journal.entry;

/** {@code step.completed}: The wizard left a step with its work done. */
public record StepCompleted(String step) implements JournalEntry {

    public static final String TYPE = "step.completed";

    public StepCompleted {
        step = step == null ? "" : step;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
