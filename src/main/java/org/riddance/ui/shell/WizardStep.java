package org.riddance.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.riddance.session.Step;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;

/** One page of the wizard: its view, whether Next may be pressed, and what it leaves behind. */
public abstract class WizardStep {

    private final Step step;
    private final Ikon icon;
    private Node view;

    protected WizardStep(Step step, Ikon icon) {
        this.step = step;
        this.icon = icon;
    }

    public final Step step() {
        return step;
    }

    public final Ikon icon() {
        return icon;
    }

    public final String title() {
        return Messages.get("step." + step.id() + ".title");
    }

    /** Built on first visit, so start-up only pays for the Welcome step. */
    public final Node view() {
        if (view == null) {
            view = createView();
        }
        return view;
    }

    protected abstract Node createView();

    /** Whether the technician may move on from this step. */
    public ObservableBooleanValue canContinue() {
        return Bindings.createBooleanBinding(() -> true);
    }

    /** Shown beside a disabled Next: what the technician still has to do on this step. */
    public String whyNextIsDisabled() {
        String key = "nav.hint." + step.id();
        return Messages.get(Messages.has(key) ? key : "nav.hint.finishStep");
    }

    /** Shown beside Next while this step's work runs: what is running and when Next opens. */
    public String whyNextIsLocked() {
        String key = "nav.busy." + step.id();
        return Messages.get(Messages.has(key) ? key : "nav.locked");
    }

    /** The step's title line, from the message bundle. */
    protected static Label heading(String key) {
        Label heading = new Label(Messages.get(key));
        heading.getStyleClass().add(Css.STEP_HEADING);
        heading.setWrapText(true); // a long heading takes a second line rather than ending in "..."
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return heading;
    }

    /** The paragraph under the title that says what the step does. */
    protected static Label intro(String key) {
        Label intro = new Label(Messages.get(key));
        intro.getStyleClass().add(Css.STEP_INTRO);
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return intro;
    }

    /** Called each time the step becomes current. */
    public void entered() {
    }

    /** The rail state this step has once the technician moves past it. */
    public StepState stateWhenLeft() {
        return StepState.DONE;
    }
}
