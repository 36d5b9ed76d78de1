package org.riddance.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrCodeTest {

    private static final String FULL_PAYLOAD = SampleReceipts.largestPaperCode(7L);

    @TempDir
    Path dir;

    @Test
    void aFullSizePayloadRoundTripsThroughAPngFile() throws IOException {
        BufferedImage image = QrCodes.encode(FULL_PAYLOAD, 3);
        Path png = dir.resolve("qr.png");
        ImageIO.write(image, "png", png.toFile());

        // the largest code the page prints, plus the 4-module quiet zone on each side
        assertThat(image.getWidth()).isEqualTo((PaperCode.MAX_MODULES + 8) * 3);
        assertThat(QrCodes.read(png)).contains(FULL_PAYLOAD);
    }

    @Test
    void encodeDrawsTheQuietZoneWhiteAndTheFinderPatternBlack() {
        BufferedImage image = QrCodes.encode("RDR1.short", 2);

        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(image.getRGB(7, 7) & 0xFFFFFF).isEqualTo(0xFFFFFF); // last quiet-zone pixel
        assertThat(image.getRGB(8, 8) & 0xFFFFFF).isZero(); // first finder module
        assertThat(QrCodes.read(image)).contains("RDR1.short");
    }

    @Test
    void nonAsciiTextRoundTripsAsUtf8() {
        String text = "Лаборатория Касперского — José Müller";

        assertThat(QrCodes.read(QrCodes.encode(text, 4))).contains(text);
    }

    @Test
    void aPhotoWithoutACodeReadsAsEmpty() throws IOException {
        BufferedImage page = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 600);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        for (int line = 0; line < 20; line++) {
            g.drawString("Completion receipt, line " + line + ": nothing to scan here", 30, 40 + line * 26);
        }
        g.fillRect(600, 400, 120, 120); // a dark square is not a finder pattern on its own
        g.dispose();
        Path png = dir.resolve("text-only.png");
        ImageIO.write(page, "png", png.toFile());

        assertThat(QrCodes.read(page)).isEmpty();
        assertThat(QrCodes.read(png)).isEmpty();
    }

    @Test
    void aFileThatIsNotAnImageIsAnIoException() throws IOException {
        Path notAnImage = Files.writeString(dir.resolve("receipt.json"), "{\"id\":\"RDR-1\"}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> QrCodes.read(notAnImage)).isInstanceOf(IOException.class)
                .hasMessageContaining("receipt.json");
        assertThatThrownBy(() -> QrCodes.read(dir.resolve("missing.png"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void textTooLongForAnyQrCodeIsRefusedClearly() {
        String tooLong = "x".repeat(3_000);

        assertThatThrownBy(() -> QrCodes.encode(tooLong, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3000 characters");
    }

    /**
     * A receipt page rendered at 200 dpi on which ZXing's full-size search finds no code (about one page in twenty
     * did); the reader's smaller copies find it.
     */
    @Test
    void readsAFullPageThatDefeatsTheFullSizeSearch() throws Exception {
        Path page = Path.of(QrCodeTest.class.getResource("full-page-200dpi-hard.png").toURI());

        Optional<String> text = QrCodes.read(page);

        assertThat(text).hasValueSatisfying(t -> assertThat(t).startsWith("RDR1:"));
    }
}
