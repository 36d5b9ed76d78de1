package org.riddance.receipt;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** A font, size and colour, and how text in it fits a given width: measuring, wrapping, shortening. */
public record TextStyle(PDFont font, float size, Color color) {

    private static final String ELLIPSIS = "…";

    /** Baseline-to-baseline distance for lines of this style. */
    public float leading() {
        return size * 1.25f;
    }

    /** How far the tallest letters rise above the baseline; used to place a first line under a top edge. */
    public float ascent() {
        return size * 0.76f;
    }

    public TextStyle withColor(Color other) {
        return new TextStyle(font, size, other);
    }

    public float width(String text) {
        try {
            return font.getStringWidth(printable(text)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text as this font can show it: composed accents (a decomposed "é" would print as e + a floating accent),
     * no control characters, and "?" for a character the font has no glyph for rather than a failed receipt.
     */
    public String printable(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\p{Cntrl}", " ");
        if (canShow(composed)) {
            return composed;
        }
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> {
            String one = Character.toString(cp);
            out.append(canShow(one) ? one : "?");
        });
        return out.toString();
    }

    /** The text on one line, cut with an ellipsis if it is wider than {@code maxWidth}. */
    public String fit(String text, float maxWidth) {
        String line = printable(text).strip();
        if (width(line) <= maxWidth) {
            return line;
        }
        return line.substring(0, prefixFitting(line, maxWidth - width(ELLIPSIS), false)).stripTrailing() + ELLIPSIS;
    }

    /**
     * The text broken into lines at most {@code maxWidth} wide, at spaces where possible; a word wider than a line
     * (a file name, a hash) is broken where it must. Past {@code maxLines} the last line ends with an ellipsis.
     */
    public List<String> wrap(String text, float maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = printable(text).strip();
        while (!rest.isEmpty() && lines.size() < maxLines) {
            int cut = lineBreak(rest, maxWidth);
            if (lines.size() == maxLines - 1 && cut < rest.length()) {
                lines.add(fit(rest, maxWidth));
                return lines;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        return lines;
    }

    /** Where the first line of {@code text} ends: after the last space that fits, else after the last char that fits. */
    private int lineBreak(String text, float maxWidth) {
        if (width(text) <= maxWidth) {
            return text.length();
        }
        int atSpace = prefixFitting(text, maxWidth, true);
        if (atSpace > 0) {
            return atSpace;
        }
        return Math.max(prefixFitting(text, maxWidth, false), text.offsetByCodePoints(0, 1)); // always make progress
    }

    /**
     * The length of the longest prefix of a printable text no wider than {@code maxWidth}; with {@code atSpace},
     * the longest that ends just after a space (0 if none). PDFBox does not kern, so widths simply add up.
     */
    private int prefixFitting(String text, float maxWidth, boolean atSpace) {
        float used = 0;
        int best = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int cp = text.codePointAt(i);
            boolean space = Character.isWhitespace(cp);
            used += width(Character.toString(cp));
            if (used > maxWidth && !space) {
                break;
            }
            if (!atSpace || space) {
                best = text.offsetByCodePoints(i, 1);
            }
        }
        return best;
    }

    private boolean canShow(String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException noGlyph) {
            return false;
        }
    }
}
