package org.riddance.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Measuring, wrapping and shortening text with the receipt's real DejaVu fonts. */
class ReceiptTextFitTest {

    private PDDocument document;
    private TextStyle body;

    @BeforeEach
    void loadFonts() throws IOException {
        document = new PDDocument();
        body = new TextStyle(ReceiptFonts.load(document).regular(), 10, Color.BLACK);
    }

    @AfterEach
    void close() throws IOException {
        document.close();
    }

    @Test
    void wrapsAtSpacesWithinTheWidth() {
        List<String> lines = body.wrap("Microsoft Defender: on, real-time on, definitions 0 days old, EICAR blocked",
                150, 5);

        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines))
                .isEqualTo("Microsoft Defender: on, real-time on, definitions 0 days old, EICAR blocked");
        assertThat(lines).allSatisfy(line -> assertThat(body.width(line)).isLessThanOrEqualTo(150f));
        assertThat(lines.get(0)).doesNotEndWith(" ").endsWith(",");
    }

    @Test
    void breaksAWordWiderThanTheLine() {
        String hash = "3f2a9bc10d4e77aa51c3e0f2b8d96a4c7e1f0b2d3c4a5968778695a4b3c2d1e0";

        List<String> lines = body.wrap(hash, 100, 10);

        assertThat(String.join("", lines)).isEqualTo(hash);
        assertThat(lines).allSatisfy(line -> assertThat(body.width(line)).isLessThanOrEqualTo(100f));
    }

    @Test
    void textPastTheLastAllowedLineEndsWithAnEllipsis() {
        List<String> lines = body.wrap("one two three four five six seven eight nine ten eleven twelve", 60, 2);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith("…");
        assertThat(body.width(lines.get(1))).isLessThanOrEqualTo(60f);
    }

    @Test
    void fitShortensOnlyWhatIsTooWide() {
        assertThat(body.fit("RECEPTION-PC", 200)).isEqualTo("RECEPTION-PC");
        String cut = body.fit("Windows 11 Pro 23H2 (build 22631.4460)", 80);
        assertThat(cut).startsWith("Windows").endsWith("…");
        assertThat(body.width(cut)).isLessThanOrEqualTo(80f);
    }

    @Test
    void printableComposesAccentsAndReplacesWhatTheFontLacks() {
        String decomposed = "Jose\u0301 Mu\u0308ller";

        assertThat(body.printable(decomposed)).isEqualTo("José Müller");
        assertThat(body.printable("Лаборатория Касперского")).isEqualTo("Лаборатория Касперского");
        assertThat(body.printable("前台 PC")).isEqualTo("?? PC");
        assertThat(body.printable("line\tbreak\n")).isEqualTo("line break ");
    }
}
