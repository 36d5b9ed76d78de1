package org.riddance.receipt;

import java.awt.Color;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.riddance.receipt.ReceiptView.Outcome;

/** The page's geometry, colours and type scale, in one place so the sections agree. */
public record ReceiptStyle(ReceiptFonts fonts) {

    public static final PDRectangle PAGE = PDRectangle.A4;
    public static final float TOP = mm(11);
    /** Bottom margin; the footer line sits in it. */
    public static final float BOTTOM = PAGE.getHeight() - mm(12);
    public static final float LEFT = mm(15);
    public static final float RIGHT = PAGE.getWidth() - LEFT;
    public static final float WIDTH = RIGHT - LEFT;
    /** The fact and detail sections' two columns, and the label column inside each, shared so they line up. */
    public static final float COLUMN_GAP = 18;
    public static final float COLUMN_WIDTH = (WIDTH - COLUMN_GAP) / 2;
    public static final float RIGHT_COLUMN = LEFT + COLUMN_WIDTH + COLUMN_GAP;
    public static final float LABEL_WIDTH = 94;
    /** Vertical space between sections. */
    public static final float GAP = 10;

    public static final Color INK = new Color(0x1B, 0x1F, 0x24);
    public static final Color MUTED = new Color(0x5C, 0x66, 0x73);
    public static final Color ACCENT = new Color(0x1F, 0x3A, 0x5F);
    public static final Color RULE = new Color(0xC9, 0xCF, 0xD6);
    public static final Color TABLE_HEAD = new Color(0xEC, 0xEF, 0xF3);
    public static final Color QR_INK = Color.BLACK;

    public static float mm(float millimetres) {
        return millimetres * 72f / 25.4f;
    }

    /** Banner colours chosen dark enough for white text, and the result word is printed too for black-and-white copies. */
    public static Color banner(Outcome outcome) {
        return switch (outcome) {
            case PASS -> new Color(0x1E, 0x7B, 0x34);
            case FAIL -> new Color(0xB3, 0x26, 0x1E);
            case INCOMPLETE -> new Color(0xB0, 0x5A, 0x00);
        };
    }

    /** A value as printed: an empty one shows as a dash, so a blank field reads as "not recorded", not as a gap. */
    public static String shown(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    /** {@code color} mixed with white; {@code share} 0 leaves it, 1 gives white. */
    public static Color towardsWhite(Color color, float share) {
        return new Color(mix(color.getRed(), share), mix(color.getGreen(), share), mix(color.getBlue(), share));
    }

    private static int mix(int channel, float share) {
        return Math.round(channel + (255 - channel) * share);
    }

    public TextStyle brand() {
        return new TextStyle(fonts.bold(), 20, ACCENT);
    }

    public TextStyle subtitle() {
        return new TextStyle(fonts.regular(), 11, MUTED);
    }

    public TextStyle sectionTitle() {
        return new TextStyle(fonts.bold(), 8, ACCENT);
    }

    public TextStyle label() {
        return new TextStyle(fonts.regular(), 7.5f, MUTED);
    }

    public TextStyle body() {
        return new TextStyle(fonts.regular(), 8.5f, INK);
    }

    public TextStyle bodyBold() {
        return new TextStyle(fonts.bold(), 8.5f, INK);
    }

    public TextStyle mono() {
        return new TextStyle(fonts.mono(), 8.5f, INK);
    }

    public TextStyle receiptId() {
        return new TextStyle(fonts.mono(), 11, INK);
    }

    public TextStyle small() {
        return new TextStyle(fonts.regular(), 7, MUTED);
    }

    public TextStyle watermark() {
        return new TextStyle(fonts.bold(), 150, new Color(0xE4, 0xE7, 0xEB));
    }

    public TextStyle bannerResult() {
        return new TextStyle(fonts.bold(), 17, Color.WHITE);
    }

    public TextStyle bannerText() {
        return new TextStyle(fonts.regular(), 10.5f, Color.WHITE);
    }
}
