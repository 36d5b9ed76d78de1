package org.riddance.protection;

/** A yes/no fact about a product that may also not apply or not be known. */
public enum Switch {
    ON, OFF, NOT_OFFERED, UNKNOWN;

    public static Switch of(boolean on) {
        return on ? ON : OFF;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
