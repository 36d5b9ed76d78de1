package org.riddance.receipt;

import static org.riddance.receipt.ReceiptStyle.mm;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;

/**
 * The QR code holding the whole signed payload, drawn as vector rectangles so it stays sharp at any printer
 * resolution. Modules are never smaller than 0.5 mm, about 3 pixels in a 150 dpi scan: a full 2,300 character
 * payload (version 40, 177 modules) comes out 88.5 mm square.
 */
final class QrBlock {

    private static final float MIN_MODULE = mm(0.5f);
    /** Short payloads still print large enough to scan from arm's length. */
    private static final float MIN_SIDE = mm(40);

    private final BitMatrix modules;
    private final float module;

    QrBlock(String text) {
        this.modules = QrCodes.matrix(text);
        this.module = Math.max(MIN_MODULE, MIN_SIDE / symbolModules());
    }

    /** Width and height of the code itself, quiet zone not included. */
    float side() {
        return symbolModules() * module;
    }

    /** The white border the code needs on every side; nothing else may be drawn there. */
    float quietZone() {
        return QrCodes.QUIET_ZONE_MODULES * module;
    }

    /** Draws the code with its top-left dark corner at ({@code x}, {@code top}); the quiet zone lies around it. */
    void draw(Canvas canvas, float x, float top) throws IOException {
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
                    canvas.rect(x + start * module, top + row * module, (col - start) * module, module);
                }
            }
        });
    }

    private int symbolModules() {
        return modules.getWidth() - 2 * QrCodes.QUIET_ZONE_MODULES;
    }
}
