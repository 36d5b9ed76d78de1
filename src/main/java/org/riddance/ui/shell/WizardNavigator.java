package org.riddance.ui.shell;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.riddance.journal.OpenSession;
import org.riddance.session.Step;

/**
 * Moves the wizard between steps: what Back, Next and the rail may do right now, and what each move writes
 * to the journal. No views here, so the rules are testable on their own.
 */
public final class WizardNavigator {

    private final List<WizardStep> steps;
    private final WizardState state;
    private final SessionRecorder recorder;
    private final BooleanProperty currentCanContinue = new SimpleBooleanProperty();
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;

    public WizardNavigator(List<WizardStep> steps, WizardState state, SessionRecorder recorder) {
        if (steps.size() != Step.values().length) {
            throw new IllegalArgumentException("One view per step, in step order");
        }
        this.steps = List.copyOf(steps);
        this.state = state;
        this.recorder = recorder;
        state.currentStepProperty().addListener((obs, old, now) -> currentCanContinue.bind(step(now).canContinue()));
        currentCanContinue.bind(step(state.currentStep()).canContinue());
        canGoNext = Bindings.createBooleanBinding(
                () -> !state.isBusy() && currentCanContinue.get() && !state.currentStep().isLast(),
                state.busyProperty(), currentCanContinue, state.currentStepProperty());
        canGoBack = Bindings.createBooleanBinding(
                () -> !state.isBusy() && !state.currentStep().isFirst(),
                state.busyProperty(), state.currentStepProperty());
    }

    public WizardStep step(Step step) {
        return steps.get(step.ordinal());
    }

    public List<WizardStep> steps() {
        return steps;
    }

    public WizardStep current() {
        return step(state.currentStep());
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanProperty currentCanContinueProperty() {
        return currentCanContinue;
    }

    public void next() {
        if (canGoNext.get()) {
            goTo(Step.values()[state.currentStep().ordinal() + 1]);
        }
    }

    public void back() {
        if (canGoBack.get()) {
            goTo(Step.values()[state.currentStep().ordinal() - 1]);
        }
    }

    /**
     * Backwards always; forwards across steps already visited, and one step past the current one when
     * the current step is complete.
     */
    public boolean canGoTo(Step target) {
        Step current = state.currentStep();
        if (state.isBusy() || target == current) {
            return false;
        }
        if (target.ordinal() < current.ordinal()) {
            return true;
        }
        if (!currentCanContinue.get()) {
            return false;
        }
        for (int i = current.ordinal() + 1; i < target.ordinal(); i++) {
            if (!state.stepStates().get(Step.values()[i]).visited()) {
                return false;
            }
        }
        return true;
    }

    public void goTo(Step target) {
        if (!canGoTo(target)) {
            return;
        }
        Step current = state.currentStep();
        if (target.ordinal() > current.ordinal()) {
            if (current == Step.WELCOME) {
                recorder.startOrUpdate(state.sessionInfo());
            }
            for (int i = current.ordinal(); i < target.ordinal(); i++) {
                WizardStep passed = steps.get(i);
                StepState left = passed.stateWhenLeft();
                state.stepStates().put(passed.step(), left);
                recorder.left(passed.step(), left);
            }
        }
        state.currentStepProperty().set(target);
        recorder.entered(target);
        step(target).entered();
    }

    /** Puts the wizard back where an unfinished session stopped. */
    public void resume(OpenSession open) {
        state.load(open.info());
        for (Step step : Step.values()) {
            if (open.completedSteps().contains(step)) {
                state.stepStates().put(step, StepState.DONE);
            } else if (step.ordinal() < open.resumeStep().ordinal()) {
                state.stepStates().put(step, StepState.ATTENTION); // passed without finishing
            }
        }
        recorder.resume(open);
        state.currentStepProperty().set(open.resumeStep());
        step(open.resumeStep()).entered();
    }
}
