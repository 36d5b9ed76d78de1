package org.riddance.ui.receipt;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** The first page of a PDF as a JavaFX image: the preview before printing. Call it off the FX thread. */
final class PagePreview {

    private PagePreview() {
    }

    static Image render(Path pdf, float dpi) throws IOException {
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            page = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        }
        int width = page.getWidth();
        int height = page.getHeight();
        int[] argb = page.getRGB(0, 0, width, height, null, 0, width);
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }
}
