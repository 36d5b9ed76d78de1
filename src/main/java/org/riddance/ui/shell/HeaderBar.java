package org.riddance.ui.shell;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.riddance.ui.AfterFirstLayout;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;
import org.riddance.ui.Themes;

/** App name, the session it works on, Verify, the office roll-up, the theme toggle and "copy diagnostics". */
final class HeaderBar extends HBox {

    final Button themeToggle = new Button();
    final Button diagnostics = new Button(null, new FontIcon(Material2AL.CONTENT_COPY));
    final Button verify = new Button(null, new FontIcon(Material2AL.FACT_CHECK));
    final Button language = new Button(null, new FontIcon(Material2AL.LANGUAGE));
    final Button rollup = new Button(null, new FontIcon(Material2AL.LIBRARY_ADD_CHECK));

    HeaderBar(WizardState state, Runnable copyDiagnostics, Runnable verifyReceipt, Runnable officeRollup,
              Runnable switchLanguage) {
        getStyleClass().add(Css.HEADER_BAR);
        FontIcon logo = new FontIcon(Material2MZ.SECURITY);
        logo.getStyleClass().add(Css.APP_LOGO);
        Label title = new Label(Messages.get("app.name"));
        title.getStyleClass().add(Css.APP_TITLE);
        Label summary = new Label();
        summary.getStyleClass().add(Css.SESSION_SUMMARY);
        summary.textProperty().bind(Bindings.createStringBinding(() -> sessionSummary(state),
                state.siteProperty(), state.ticketProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        themeToggle.setId("theme-toggle");
        themeToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        themeToggle.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(Themes.darkProperty().get() ? Material2MZ.WB_SUNNY : Material2MZ.NIGHTS_STAY),
                Themes.darkProperty()));
        themeToggle.accessibleTextProperty().bind(Bindings.createStringBinding(() -> Messages.get(
                Themes.darkProperty().get() ? "header.theme.light" : "header.theme.dark"), Themes.darkProperty()));
        themeToggle.setOnAction(e -> Themes.toggle());

        diagnostics.setId("copy-diagnostics");
        diagnostics.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        diagnostics.setAccessibleText(Messages.get("header.diagnostics"));
        diagnostics.setOnAction(e -> copyDiagnostics.run());

        verify.setId("verify-receipt");
        verify.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        verify.setAccessibleText(Messages.get("verify.title"));
        verify.setOnAction(e -> verifyReceipt.run());

        rollup.setId("office-rollup");
        rollup.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        rollup.setAccessibleText(Messages.get("rollup.title"));
        rollup.setOnAction(e -> officeRollup.run());

        language.setId("language-switch");
        language.getStyleClass().addAll(Styles.FLAT);
        language.setText(Messages.locale().getLanguage().toUpperCase(java.util.Locale.ROOT));
        language.setAccessibleText(Messages.get("header.language"));
        language.setOnAction(e -> switchLanguage.run());

        getChildren().addAll(logo, new VBox(0, title, summary), spacer, language, verify, rollup, diagnostics, themeToggle);
        // a tooltip is a popup window in waiting, five of them cost the first frame about 30 ms; nobody hovers that soon
        AfterFirstLayout.run(this, () -> {
            for (Button button : List.of(themeToggle, diagnostics, verify, rollup, language)) {
                Tooltip tip = new Tooltip();
                tip.textProperty().bind(button.accessibleTextProperty());
                button.setTooltip(tip);
            }
        });
    }

    private static String sessionSummary(WizardState state) {
        String site = state.siteProperty().get().strip();
        String ticket = state.ticketProperty().get().strip();
        if (site.isEmpty()) {
            return Messages.get("app.tagline");
        }
        return ticket.isEmpty() ? Messages.get("header.sessionNoTicket", site) : Messages.get("header.session", site, ticket);
    }
}
