package org.riddance.receipt;

import java.awt.Color;
import java.io.IOException;

/** The Riddance logo until there is an icon file: a shield with a tick, drawn as vector paths. */
final class ShieldMark {

    /** Height over width of the shield. */
    static final float ASPECT = 1.2f;

    private static final Color INNER = new Color(0x2E, 0x5A, 0x8C);

    private ShieldMark() {
    }

    /** Draws the mark {@code width} wide with its top-left corner at ({@code x}, {@code top}). */
    static void draw(Canvas canvas, float x, float top, float width) throws IOException {
        shield(canvas, ReceiptStyle.ACCENT, x, top, width);
        float inset = width * 0.09f;
        shield(canvas, INNER, x + inset, top + inset * 1.1f, width - 2 * inset);
        float w = width;
        canvas.strokeRound(Color.WHITE, w * 0.11f,
                x + w * 0.29f, top + w * 0.62f,
                x + w * 0.45f, top + w * 0.78f,
                x + w * 0.73f, top + w * 0.44f);
    }

    /** Flat top with raised centre, straight sides, and curves meeting in a point at the bottom. */
    private static void shield(Canvas canvas, Color color, float x, float top, float w) throws IOException {
        float h = w * ASPECT;
        canvas.fill(color, () -> {
            canvas.moveTo(x + w * 0.5f, top);
            canvas.curveTo(x + w * 0.66f, top + h * 0.07f, x + w * 0.83f, top + h * 0.10f, x + w, top + h * 0.10f);
            canvas.lineTo(x + w, top + h * 0.48f);
            canvas.curveTo(x + w, top + h * 0.76f, x + w * 0.76f, top + h * 0.90f, x + w * 0.5f, top + h);
            canvas.curveTo(x + w * 0.24f, top + h * 0.90f, x, top + h * 0.76f, x, top + h * 0.48f);
            canvas.lineTo(x, top + h * 0.10f);
            canvas.curveTo(x + w * 0.17f, top + h * 0.10f, x + w * 0.34f, top + h * 0.07f, x + w * 0.5f, top);
        });
    }
}
