package org.riddance.ui;

/** Long unbroken text (paths, registry keys, hashes) that must wrap instead of ending in "...". */
public final class Wrapping {

    /** A zero-width space: an invisible place where a line may break. */
    private static final String BREAK = "\u200B";

    private Wrapping() {
    }

    /**
     * Allows a line break after each / and \ and every 30 characters of an unbroken run, for display only; text
     * short enough for any line is left exactly as it is.
     */
    public static String atSeparators(String text) {
        if (text.length() <= 40) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            run = Character.isWhitespace(c) ? 0 : run + 1;
            if (c == '/' || c == '\\' || run >= 30) {
                out.append(BREAK);
                run = 0;
            }
        }
        return out.toString();
    }
}
