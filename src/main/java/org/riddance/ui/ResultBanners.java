package org.riddance.ui;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The coloured box a step shows its outcome in: a title in the outcome's colour and a line on what it means. */
public final class ResultBanners {

    public static final String RESULT_BANNER = "result-banner";

    private ResultBanners() {
    }

    /**
     * @param style an AtlantaFX style ({@link Styles#SUCCESS}, {@link Styles#WARNING}, {@link Styles#DANGER})
     * @param id    the title's id, for tests and the screenshot tour
     */
    public static VBox of(String style, String id, String title, String body) {
        Label heading = new Label(title);
        heading.getStyleClass().addAll(Styles.TITLE_4, style);
        heading.setId(id);
        Label text = new Label(body);
        text.setWrapText(true);
        VBox box = new VBox(4, heading, text);
        box.getStyleClass().addAll(RESULT_BANNER, "result-" + style);
        return box;
    }
}
