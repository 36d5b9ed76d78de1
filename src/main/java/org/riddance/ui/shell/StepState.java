package org.riddance.ui.shell;

/** How far a step has got, as the rail shows it. "Current" is shown separately: a done step can be current. */
public enum StepState {
    PENDING("step-pending", "step.state.pending"),
    DONE("step-done", "step.state.done"),
    ATTENTION("step-attention", "step.state.attention");

    private final String styleClass;
    private final String messageKey;

    StepState(String styleClass, String messageKey) {
        this.styleClass = styleClass;
        this.messageKey = messageKey;
    }

    public String styleClass() {
        return styleClass;
    }

    public String messageKey() {
        return messageKey;
    }

    public boolean visited() {
        return this != PENDING;
    }
}
