package org.riddance.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import atlantafx.base.theme.Styles;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;

/** Back / Next / Cancel. Enter presses Next, Escape presses Cancel; while work runs, Cancel becomes Stop. */
final class NavigationBar extends HBox {

    final Button back = new Button(Messages.get("nav.back"), new FontIcon(Material2AL.ARROW_BACK));
    final Button next = new Button(Messages.get("nav.next"), new FontIcon(Material2AL.ARROW_FORWARD));
    final Button cancel = new Button();

    NavigationBar(WizardNavigator navigator, WizardState state, Runnable onCancel) {
        getStyleClass().add(Css.NAVIGATION_BAR);
        back.setId("back");
        next.setId("next");
        cancel.setId("cancel");
        next.setDefaultButton(true);
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.getStyleClass().add(Styles.ACCENT);
        cancel.cancelButtonProperty().bind(state.busyProperty().not()); // Escape closes; it never stops work by accident
        back.setMnemonicParsing(true);
        next.setMnemonicParsing(true);
        cancel.setMnemonicParsing(true);

        back.disableProperty().bind(navigator.canGoBackProperty().not());
        next.disableProperty().bind(navigator.canGoNextProperty().not());
        next.visibleProperty().bind(Bindings.createBooleanBinding(() -> !state.currentStep().isLast(),
                state.currentStepProperty()));
        next.managedProperty().bind(next.visibleProperty());
        cancel.textProperty().bind(Bindings.when(state.busyProperty())
                .then(Messages.get("nav.stop")).otherwise(Messages.get("nav.close")));

        back.setOnAction(e -> navigator.back());
        next.setOnAction(e -> navigator.next());
        cancel.setOnAction(e -> onCancel.run());

        // a disabled Next says why, beside it, rather than leaving the technician to guess; while work runs it says
        // what is running (Back is locked then too)
        Label nextHint = new Label();
        nextHint.setId("next-hint");
        nextHint.getStyleClass().addAll("next-hint", Css.LOCK_NOTE);
        nextHint.setWrapText(true);
        nextHint.textProperty().bind(Bindings.createStringBinding(() -> state.isBusy()
                        ? navigator.current().whyNextIsLocked() : navigator.current().whyNextIsDisabled(),
                state.currentStepProperty(), navigator.canGoNextProperty(), state.busyProperty()));
        nextHint.visibleProperty().bind(state.busyProperty().or(next.disabledProperty().and(next.visibleProperty())));
        nextHint.managedProperty().bind(nextHint.visibleProperty());
        next.accessibleHelpProperty().bind(Bindings.when(nextHint.visibleProperty())
                .then(nextHint.textProperty()).otherwise(""));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        for (Button b : new Button[] {cancel, back, next}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(spacer, nextHint, cancel, back, next);
    }
}
