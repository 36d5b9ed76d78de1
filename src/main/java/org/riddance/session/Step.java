package org.riddance.session;

import java.util.Locale;

/** The wizard's steps in the order a technician works through them; the journal records them by {@link #id()}. */
public enum Step {
    WELCOME, DETECT, BACKUP, REMOVE, REPLACEMENT, RECEIPT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Step fromId(String id) {
        for (Step step : values()) {
            if (step.id().equals(id)) {
                return step;
            }
        }
        throw new IllegalArgumentException("Unknown step: " + id);
    }

    public boolean isFirst() {
        return ordinal() == 0;
    }

    public boolean isLast() {
        return ordinal() == values().length - 1;
    }
}
