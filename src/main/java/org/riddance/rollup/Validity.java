package org.riddance.rollup;

import java.util.Locale;

/** What the roll-up could establish about one receipt file (or one PC the inventory expected). */
public enum Validity {
    /** Signed by a trusted key over exactly these bytes; its result (PASS, FAIL, INCOMPLETE) then counts. */
    VALID("valid"),
    /** Changed content, a signature that does not match, or a printed page that differs from its code. */
    TAMPERED("tampered"),
    /** Signed, but by a key this office does not trust. */
    UNKNOWN_KEY("signed by an unknown key"),
    /** Not a receipt that could be read: too large, cut short, no code, a link not followed; the reason is kept. */
    UNREADABLE("unreadable"),
    /** On the inventory, but no receipt in the folder names it. */
    MISSING("missing");

    private final String words;

    Validity(String words) {
        this.words = words;
    }

    /** As the summary's JSON and CSV write it: {@code valid}, {@code unknown-key}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** As a person reads it. */
    public String words() {
        return words;
    }
}
