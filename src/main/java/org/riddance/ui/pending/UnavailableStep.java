package org.riddance.ui.pending;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.riddance.session.Step;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;
import org.riddance.ui.shell.StepState;
import org.riddance.ui.shell.WizardStep;

/**
 * A step whose capability is not built yet. It says so and does nothing; moving past it leaves the step
 * marked "needs attention", never "done".
 */
public final class UnavailableStep extends WizardStep {

    public UnavailableStep(Step step, Ikon icon) {
        super(step, icon);
    }

    @Override
    protected Node createView() {
        FontIcon icon = new FontIcon(icon());
        icon.getStyleClass().add(Css.UNAVAILABLE_ICON);
        Label heading = new Label(title());
        heading.getStyleClass().add(Css.STEP_HEADING);
        Label badge = new Label(Messages.get("unavailable.badge"));
        badge.getStyleClass().add(Css.UNAVAILABLE_BADGE);
        badge.setId("unavailable-badge");
        Label what = new Label(Messages.get("unavailable." + step().id()));
        what.setWrapText(true);
        Label body = new Label(Messages.get("unavailable.body"));
        body.getStyleClass().add(Css.STEP_INTRO);
        body.setWrapText(true);
        VBox box = new VBox(icon, heading, badge, what, body);
        box.getStyleClass().add(Css.UNAVAILABLE_STEP);
        return box;
    }

    @Override
    public StepState stateWhenLeft() {
        return StepState.ATTENTION;
    }
}
