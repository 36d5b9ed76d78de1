package org.riddance.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Light and dark AtlantaFX themes; the wizard's own stylesheet uses the theme's colours and follows. */
public final class Themes {

    private static final BooleanProperty DARK = new SimpleBooleanProperty(false);

    static {
        DARK.addListener((obs, was, dark) -> apply(dark));
    }

    private Themes() {
    }

    public static void applyInitial() {
        apply(DARK.get());
    }

    public static BooleanProperty darkProperty() {
        return DARK;
    }

    public static void toggle() {
        DARK.set(!DARK.get());
    }

    private static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
