package org.riddance.receipt;

import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Drawing on one page in points measured from the top-left corner, the way the layout reads, instead of PDF's
 * bottom-left origin. A path is built inside {@link #fill} with {@link #moveTo}/{@link #lineTo}/{@link #curveTo}/
 * {@link #rect} and painted once, so shapes made of many pieces (the QR code) render without seams.
 */
public final class Canvas {

    /** Bézier handle length for a quarter circle. */
    private static final float KAPPA = 0.5523f;

    private final PDPageContentStream content;
    private final float pageHeight;

    public Canvas(PDPageContentStream content, float pageHeight) {
        this.content = content;
        this.pageHeight = pageHeight;
    }

    /** Draws one line of text with its baseline at {@code baseline}. */
    public void text(TextStyle style, float x, float baseline, String text) throws IOException {
        String printable = style.printable(text);
        if (printable.isBlank()) {
            return;
        }
        content.beginText();
        content.setFont(style.font(), style.size());
        content.setNonStrokingColor(style.color());
        content.newLineAtOffset(x, pageHeight - baseline);
        content.showText(printable);
        content.endText();
    }

    /** Draws one line of text centred on ({@code cx}, {@code cy}), turned {@code degrees} anticlockwise. */
    void rotatedText(TextStyle style, float cx, float cy, float degrees, String text) throws IOException {
        double angle = Math.toRadians(degrees);
        float width = style.width(text);
        float dx = (float) (-width / 2 * Math.cos(angle) + style.ascent() / 2 * Math.sin(angle));
        float dy = (float) (-width / 2 * Math.sin(angle) - style.ascent() / 2 * Math.cos(angle));
        content.beginText();
        content.setFont(style.font(), style.size());
        content.setNonStrokingColor(style.color());
        content.setTextMatrix(new org.apache.pdfbox.util.Matrix((float) Math.cos(angle), (float) Math.sin(angle),
                (float) -Math.sin(angle), (float) Math.cos(angle), cx + dx, pageHeight - cy + dy));
        content.showText(style.printable(text));
        content.endText();
    }

    /** Draws text so that it ends at {@code right}. */
    public void textRightAligned(TextStyle style, float right, float baseline, String text) throws IOException {
        text(style, right - style.width(text), baseline, text);
    }

    public void fillRect(Color color, float x, float top, float width, float height) throws IOException {
        fill(color, () -> rect(x, top, width, height));
    }

    public void fillRoundedRect(Color color, float x, float top, float width, float height, float radius) throws IOException {
        float k = radius * KAPPA;
        float right = x + width;
        float bottom = top + height;
        fill(color, () -> {
            moveTo(x + radius, top);
            lineTo(right - radius, top);
            curveTo(right - radius + k, top, right, top + radius - k, right, top + radius);
            lineTo(right, bottom - radius);
            curveTo(right, bottom - radius + k, right - radius + k, bottom, right - radius, bottom);
            lineTo(x + radius, bottom);
            curveTo(x + radius - k, bottom, x, bottom - radius + k, x, bottom - radius);
            lineTo(x, top + radius);
            curveTo(x, top + radius - k, x + radius - k, top, x + radius, top);
        });
    }

    /** A horizontal rule: the thin lines between sections, table rows and signature fields. */
    public void hLine(Color color, float lineWidth, float x1, float x2, float y) throws IOException {
        content.setStrokingColor(color);
        content.setLineWidth(lineWidth);
        content.moveTo(x1, pageHeight - y);
        content.lineTo(x2, pageHeight - y);
        content.stroke();
    }

    /** A polyline stroked with round caps and joins, for marks such as the logo's tick. */
    void strokeRound(Color color, float lineWidth, float... xy) throws IOException {
        content.saveGraphicsState();
        content.setStrokingColor(color);
        content.setLineWidth(lineWidth);
        content.setLineCapStyle(1);
        content.setLineJoinStyle(1);
        moveTo(xy[0], xy[1]);
        for (int i = 2; i + 1 < xy.length; i += 2) {
            lineTo(xy[i], xy[i + 1]);
        }
        content.stroke();
        content.restoreGraphicsState();
    }

    void moveTo(float x, float y) throws IOException {
        content.moveTo(x, pageHeight - y);
    }

    void lineTo(float x, float y) throws IOException {
        content.lineTo(x, pageHeight - y);
    }

    void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) throws IOException {
        content.curveTo(x1, pageHeight - y1, x2, pageHeight - y2, x3, pageHeight - y3);
    }

    /** Adds a rectangle to the path being built. */
    public void rect(float x, float top, float width, float height) throws IOException {
        content.addRect(x, pageHeight - top - height, width, height);
    }

    /** Builds a path with {@code path} and fills it (nonzero winding); the colour is set first, as PDF requires. */
    public void fill(Color color, Path path) throws IOException {
        content.setNonStrokingColor(color);
        path.build();
        content.fill();
    }

    /** Path construction: only {@link #moveTo}, {@link #lineTo}, {@link #curveTo} and {@link #rect} calls. */
    @FunctionalInterface
    public interface Path {
        void build() throws IOException;
    }
}
