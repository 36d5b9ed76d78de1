package org.riddance.app;

import java.util.List;
import org.riddance.engine.AppContext;
import org.riddance.ui.backup.BackupStep;
import org.riddance.ui.detect.DetectStep;
import org.riddance.ui.receipt.ReceiptStep;
import org.riddance.ui.replacement.ReplacementStep;
import org.riddance.ui.shell.StepServices;
import org.riddance.ui.remove.RemoveStep;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardStep;
import org.riddance.ui.welcome.WelcomeStep;

/** The wizard's pages in order, wired by hand: the one place that knows every step. */
public final class WizardSteps {

    private WizardSteps() {
    }

    public static List<WizardStep> standard(AppContext context, WizardState state, StepServices services) {
        return List.of(
                new WelcomeStep(state, context.host().os()),
                new DetectStep(context, state, services.dialogs(), services.recorder()),
                new BackupStep(context, state, services.dialogs(), services.recorder()),
                new RemoveStep(context, state, services.dialogs(), services.recorder()),
                new ReplacementStep(context, state, services.dialogs(), services.recorder()),
                new ReceiptStep(context, state, services.dialogs(), services.recorder()));
    }
}
