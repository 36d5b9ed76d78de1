package org.riddance.receipt;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;

/** Makes the receipt's QR code and reads one back from a scan, a photo or a rendered page. */
public final class QrCodes {

    /** The quiet zone the QR specification asks for, in modules. */
    public static final int QUIET_ZONE_MODULES = 4;

    private static final Map<DecodeHintType, Object> READ_HINTS = readHints();

    /** Sizes a page is read at, largest first: small, sharp codes need the full size. */
    private static final double[] READ_SCALES = {1, 0.5, 0.35};

    /** Tried in order: the hybrid one copes with shadows and uneven light, the global one with small, sharp codes. */
    private static final List<Function<LuminanceSource, Binarizer>> BINARIZERS =
            List.of(HybridBinarizer::new, GlobalHistogramBinarizer::new);

    private QrCodes() {
    }

    /**
     * The code's modules, quiet zone included, at level M. ZXing picks alphanumeric mode (5.5 bits a character)
     * for text in that set, such as the receipt's Base45 code, and byte mode otherwise; ASCII needs no ECI header.
     */
    static BitMatrix matrix(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            // size 0: one bit per module, so callers scale without resampling
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code: " + text.length() + " characters", e);
        }
    }

    /** The symbol's width in modules, quiet zone not included. */
    public static int modules(String text) {
        return matrix(text).getWidth() - 2 * QUIET_ZONE_MODULES;
    }

    /** A black-on-white image of the code, each module {@code pixelsPerModule} pixels square. */
    public static BufferedImage encode(String text, int pixelsPerModule) {
        if (pixelsPerModule < 1) {
            throw new IllegalArgumentException("pixelsPerModule must be at least 1: " + pixelsPerModule);
        }
        BitMatrix modules = matrix(text);
        BitMatrix scaled = new BitMatrix(modules.getWidth() * pixelsPerModule, modules.getHeight() * pixelsPerModule);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y)) {
                    scaled.setRegion(x * pixelsPerModule, y * pixelsPerModule, pixelsPerModule, pixelsPerModule);
                }
            }
        }
        return MatrixToImageWriter.toBufferedImage(scaled);
    }

    /**
     * The text of the QR code in an image file, or empty when the image holds none that can be read.
     *
     * @throws IOException when the file cannot be read or is not an image
     */
    public static Optional<String> read(Path imageFile) throws IOException {
        BufferedImage image;
        try (InputStream in = Files.newInputStream(imageFile)) {
            image = ImageIO.read(in);
        }
        if (image == null) {
            throw new IOException("not an image this Java can read: " + imageFile);
        }
        return read(image);
    }

    /**
     * The text of the QR code in the image, or empty when there is none that can be read. A full page at 200 dpi
     * or more sometimes defeats ZXing's finder-pattern search (about one page in twenty in our tests) while the
     * same page at half size reads, so smaller copies are tried before giving up.
     */
    public static Optional<String> read(BufferedImage image) {
        for (double scale : READ_SCALES) {
            Optional<String> text = readAt(scale == 1 ? image : scaled(image, scale));
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> readAt(BufferedImage image) {
        LuminanceSource luminance = new BufferedImageLuminanceSource(image);
        MultiFormatReader reader = new MultiFormatReader();
        for (Function<LuminanceSource, Binarizer> binarizer : BINARIZERS) {
            try {
                return Optional.of(reader.decode(new BinaryBitmap(binarizer.apply(luminance)), READ_HINTS).getText());
            } catch (ReaderException notFoundOrDamaged) {
                // try the next binarizer; not finding a code is an answer, not an error
            }
        }
        return Optional.empty();
    }

    private static BufferedImage scaled(BufferedImage image, double scale) {
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage smaller = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = smaller.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return smaller;
    }

    private static Map<DecodeHintType, Object> readHints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        // PURE_BARCODE is deliberately absent, which is how "false" must be said: ZXing's QRCodeReader tests only
        // containsKey, so PURE_BARCODE=FALSE would switch the pure-image mode ON and miss codes on a full page
        return Map.copyOf(hints);
    }
}
