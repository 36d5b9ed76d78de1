package org.riddance.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.riddance.session.Step;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;

/** The list of steps down the left side: where you are, what is done, what needs attention. */
final class StepRail extends VBox {

    private final WizardNavigator navigator;
    private final WizardState state;
    private final Map<Step, Item> items = new EnumMap<>(Step.class);

    StepRail(WizardNavigator navigator, WizardState state) {
        this.navigator = navigator;
        this.state = state;
        getStyleClass().add(Css.STEP_RAIL);
        for (WizardStep step : navigator.steps()) {
            Item item = new Item(step);
            items.put(step.step(), item);
            getChildren().add(item.button);
        }
        state.currentStepProperty().addListener((obs, o, n) -> refresh());
        state.busyProperty().addListener((obs, o, n) -> refresh());
        state.stepStates().addListener((MapChangeListener<Step, StepState>) change -> refresh());
        navigator.currentCanContinueProperty().addListener((obs, o, n) -> refresh());
        refresh();
    }

    private void refresh() {
        items.values().forEach(Item::refresh);
    }

    private final class Item {
        private final WizardStep step;
        private final Button button = new Button();
        private final Label stateText = new Label();
        private final FontIcon stateIcon = new FontIcon();

        Item(WizardStep step) {
            this.step = step;
            FontIcon icon = new FontIcon(step.icon());
            icon.getStyleClass().add(Css.STEP_ICON);
            Label number = new Label(String.valueOf(step.step().ordinal() + 1));
            number.getStyleClass().add(Css.STEP_NUMBER);
            Label name = new Label(step.title());
            name.getStyleClass().add(Css.STEP_NAME);
            name.setMinWidth(Region.USE_PREF_SIZE); // the narrow rail of a small window drops the state icon instead
            stateText.getStyleClass().add(Css.STEP_STATE_TEXT);
            stateIcon.getStyleClass().add(Css.STEP_STATE_ICON);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(10, icon, new VBox(2, name, stateText), spacer, stateIcon);
            row.setAlignment(Pos.CENTER_LEFT);
            button.setGraphic(row);
            button.getStyleClass().add(Css.RAIL_ITEM);
            button.setId("rail-" + step.step().id());
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(e -> navigator.goTo(step.step()));
        }

        void refresh() {
            boolean current = state.currentStep() == step.step();
            StepState stepState = state.stepStates().get(step.step());
            button.pseudoClassStateChanged(Css.CURRENT, current);
            button.getStyleClass().removeAll("step-pending", "step-done", "step-attention", "step-current");
            button.getStyleClass().add(current ? "step-current" : stepState.styleClass());
            stateText.setText(Messages.get(current ? "step.state.current" : stepState.messageKey()));
            stateIcon.setIconCode(stateIcon(current, stepState));
            button.setDisable(!current && !navigator.canGoTo(step.step()));
            button.setAccessibleText(step.title() + ", " + stateText.getText());
        }

        private Ikon stateIcon(boolean current, StepState stepState) {
            if (current) {
                return Material2MZ.PLAY_CIRCLE_OUTLINE;
            }
            return switch (stepState) {
                case DONE -> Material2AL.CHECK_CIRCLE;
                case ATTENTION -> Material2AL.ERROR_OUTLINE;
                case PENDING -> Material2MZ.RADIO_BUTTON_UNCHECKED;
            };
        }
    }
}
