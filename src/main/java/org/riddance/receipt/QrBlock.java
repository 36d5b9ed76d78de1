package org.riddance.receipt;

import static org.riddance.receipt.ReceiptStyle.mm;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;

/**
 * The QR code holding the whole signed payload, drawn as vector rectangles so it stays sharp at any printer
 * resolution. A module is a whole number of fiftieths of an inch (0.508 mm, about 3 pixels in a 150 dpi scan),
 * and the code starts on that grid, counted from the page's top-left corner as rasterisers count: so every
 * module is a whole number of pixels at 150, 200, 300 and 600 dpi. Off that grid, a print run whose driver
 * snapped edges to its own raster gave modules of uneven width that a 200 dpi scan could not read. A full
 * 2,300 character payload (version 40, 177 modules) comes out 90 mm square.
 */
final class QrBlock {

    /** 1/50 inch in PDF points: 3, 4, 6 and 12 pixels at 150, 200, 300 and 600 dpi. */
    static final float GRID = 72f / 50f;
    /** Short payloads still print large enough to scan from arm's length. */
    private static final float MIN_SIDE = mm(40);

    private final BitMatrix modules;
    private final float module;

    QrBlock(String text) {
        this.modules = QrCodes.matrix(text);
        this.module = GRID * Math.max(1, (float) Math.ceil(MIN_SIDE / symbolModules() / GRID));
    }

    /** Width and height of the code itself, quiet zone not included. */
    float side() {
        return symbolModules() * module;
    }

    /** The white border the code needs on every side; nothing else may be drawn there. */
    float quietZone() {
        return QrCodes.QUIET_ZONE_MODULES * module;
    }

    /**
     * Draws the code with its top-left dark corner at ({@code x}, {@code top}), moved up and left onto the 1/50 inch
     * grid (by less than half a millimetre); the quiet zone lies around it.
     */
    void draw(Canvas canvas, float x, float top) throws IOException {
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
