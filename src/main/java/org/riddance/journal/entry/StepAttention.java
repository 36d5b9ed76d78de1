package org.riddance.journal.entry;

/** {@code step.attention}: The wizard left a step with something still to look at. */
public record StepAttention(String step) implements JournalEntry {

    public static final String TYPE = "step.attention";

    public StepAttention {
        step = step == null ? "" : step;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
