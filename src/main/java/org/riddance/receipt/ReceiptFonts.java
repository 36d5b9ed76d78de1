package org.riddance.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The receipt's three faces of DejaVu (Sans, Sans Bold, Sans Mono), embedded as subsets. DejaVu covers Latin,
 * Greek and Cyrillic, so names like "José Müller" and "Лаборатория Касперского" print as typed. The font files
 * ship in the jar with their licence (fonts/LICENSE-DejaVu.txt).
 */
public record ReceiptFonts(PDType0Font regular, PDType0Font bold, PDType0Font mono) {

    /** Loads the faces into {@code document}; only the glyphs the page uses end up in the file. */
    public static ReceiptFonts load(PDDocument document) throws IOException {
        return new ReceiptFonts(load(document, FontFiles.REGULAR), load(document, FontFiles.BOLD),
                load(document, FontFiles.MONO));
    }

    private static PDType0Font load(PDDocument document, byte[] ttf) throws IOException {
        return PDType0Font.load(document, new RandomAccessReadBuffer(ttf), true, false);
    }

    /** Read from the jar once per run: 1.8 MB that every receipt needs. */
    private static final class FontFiles {
        static final byte[] REGULAR = resource("DejaVuSans.ttf");
        static final byte[] BOLD = resource("DejaVuSans-Bold.ttf");
        static final byte[] MONO = resource("DejaVuSansMono.ttf");

        private static byte[] resource(String name) {
            try (InputStream in = ReceiptFonts.class.getResourceAsStream("fonts/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the build: fonts/" + name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + name, e);
            }
        }
    }
}
