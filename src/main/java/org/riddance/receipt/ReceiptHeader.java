package org.riddance.receipt;

import static org.riddance.receipt.ReceiptStyle.LEFT;
import static org.riddance.receipt.ReceiptStyle.RIGHT;
import static org.riddance.receipt.ReceiptStyle.WIDTH;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.riddance.receipt.ReceiptView.Outcome;

/** The top of the page: logo, name and title, receipt number, then the coloured result banner. */
final class ReceiptHeader {

    private static final float LOGO_WIDTH = 28;
    private static final float BANNER_PADDING = 7;
    /** Space left of the result word, and each side of the divider after it. */
    private static final float BANNER_INSET = 12;
    private static final int HEADLINE_LINES = 2;

    private final ReceiptStyle style;
    private final ReceiptView view;

    ReceiptHeader(ReceiptStyle style, ReceiptView view) {
        this.style = style;
        this.view = view;
    }

    /** Draws the header from {@code top} down and returns where the next section may start. */
    float draw(Canvas canvas, float top) throws IOException {
        float logoHeight = LOGO_WIDTH * ShieldMark.ASPECT;
        ShieldMark.draw(canvas, LEFT, top, LOGO_WIDTH);

        float textX = LEFT + LOGO_WIDTH + 10;
        TextStyle brand = style.brand();
        canvas.text(brand, textX, top + brand.ascent() + 1, "Riddance");
        canvas.text(style.subtitle(), textX, top + logoHeight - 3, "Completion receipt");

        TextStyle label = style.label();
        TextStyle idStyle = style.receiptId();
        canvas.textRightAligned(label, RIGHT, top + label.ascent() + 4, "RECEIPT NO.");
        canvas.textRightAligned(idStyle, RIGHT, top + logoHeight - 3, idStyle.fit(view.receiptId(), WIDTH / 2));

        float ruleY = top + logoHeight + 6;
        canvas.hLine(ReceiptStyle.ACCENT, 1.2f, LEFT, RIGHT, ruleY);
        return banner(canvas, ruleY + 8);
    }

    /** Result word on the left, headline beside it, in the outcome's colour across the full width. */
    private float banner(Canvas canvas, float top) throws IOException {
        TextStyle result = style.bannerResult();
        TextStyle headline = style.bannerText();
        // the headline starts at the same place whatever the outcome, clear of the longest result word
        float resultWidth = 0;
        for (Outcome outcome : Outcome.values()) {
            resultWidth = Math.max(resultWidth, result.width(outcome.name()));
        }
        float dividerX = LEFT + BANNER_INSET + resultWidth + BANNER_INSET;
        float headlineX = dividerX + BANNER_INSET;
        List<String> lines = headline.wrap(view.headline(), RIGHT - BANNER_INSET - headlineX, HEADLINE_LINES);
        float textHeight = Math.max(result.size(), lines.size() * headline.leading());
        float height = textHeight + 2 * BANNER_PADDING + 4;
        Color colour = ReceiptStyle.banner(view.result());
        canvas.fillRoundedRect(colour, LEFT, top, WIDTH, height, 5);

        float middle = top + height / 2;
        canvas.text(result, LEFT + BANNER_INSET, middle + result.ascent() / 2, view.result().name());
        canvas.fillRect(ReceiptStyle.towardsWhite(colour, 0.45f), dividerX, top + 8, 0.8f, height - 16);
        float first = middle - (lines.size() - 1) * headline.leading() / 2 + headline.ascent() / 2;
        for (int i = 0; i < lines.size(); i++) {
            canvas.text(headline, headlineX, first + i * headline.leading(), lines.get(i));
        }
        return top + height;
    }
}
