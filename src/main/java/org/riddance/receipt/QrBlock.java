package org.riddance.receipt;

import static org.riddance.receipt.ReceiptStyle.mm;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;

/**
 * The QR code holding the signed receipt (or its signed summary), drawn as vector rectangles so it stays sharp at
 * any printer resolution. A module is at least four 150ths of an inch (0.68 mm: 4 pixels in a 150 dpi scan, about
 * 2 at 72 dpi, where three 150ths, 3 pixels, failed on a blurred, rotated scan), and the code starts on the
 * 1/150 inch grid, counted from the page's top-left corner as rasterisers count: so every module is a whole number
 * of pixels at 150, 300 and 600 dpi. Off such a grid, a print run whose driver snapped edges to its own raster gave
 * modules of uneven width that a scan could not read. The largest code printed ({@link PaperCode#MAX_MODULES}
 * modules) comes out about 79 mm square.
 */
public final class QrBlock {

    /** 1/150 inch in PDF points: 1, 2 and 4 pixels at 150, 300 and 600 dpi. */
    static final float GRID = 72f / 150f;
    /** The smallest module, in grid steps. */
    static final int MIN_MODULE_STEPS = 4;
    /** Short codes print with larger modules (a summary: 6/150 inch, 70 mm), which 72 dpi renderings need; the zone beside the verify note and signatures is that tall anyway. */
    private static final float MIN_SIDE = mm(66);

    private final BitMatrix modules;
    private final float module;

    public QrBlock(String text) {
        this(text, MIN_SIDE);
    }

    /** A code at least {@code minSide} points wide (modules never under the minimum): the roll-up's short code. */
    public QrBlock(String text, float minSide) {
        this.modules = QrCodes.matrix(text);
        this.module = GRID * Math.max(MIN_MODULE_STEPS, (float) Math.ceil(minSide / symbolModules() / GRID));
    }

    /** Width and height of the code itself, quiet zone not included. */
    public float side() {
        return symbolModules() * module;
    }

    /** The white border the code needs on every side; nothing else may be drawn there. */
    public float quietZone() {
        return QrCodes.QUIET_ZONE_MODULES * module;
    }

    /**
     * Draws the code with its top-left dark corner at ({@code x}, {@code top}), moved up and left onto the 1/50 inch
     * grid (by less than half a millimetre); the quiet zone lies around it.
     */
    public void draw(Canvas canvas, float x, float top) throws IOException {
        float left = onGrid(x);
        float upper = onGrid(top);
        int margin = QrCodes.QUIET_ZONE_MODULES;
        // one path for all modules, dark runs of a row merged into one rectangle
        canvas.fill(ReceiptStyle.QR_INK, () -> {
            for (int row = 0; row < symbolModules(); row++) {
                int col = 0;
                while (col < symbolModules()) {
                    if (!modules.get(margin + col, margin + row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < symbolModules() && modules.get(margin + col, margin + row)) {
                        col++;
                    }
                    canvas.rect(left + start * module, upper + row * module, (col - start) * module, module);
                }
            }
        });
    }

    static float onGrid(float points) {
        return GRID * (float) Math.floor(points / GRID);
    }

    private int symbolModules() {
        return modules.getWidth() - 2 * QrCodes.QUIET_ZONE_MODULES;
    }
}
