package org.riddance.ui;

import java.util.List;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.riddance.platform.OsFacts;
import org.riddance.session.Step;
import org.riddance.ui.pending.UnavailableStep;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardStep;
import org.riddance.ui.welcome.WelcomeStep;

/** The wizard's pages in order. Each later issue replaces one placeholder with the real step. */
public final class WizardSteps {

    private WizardSteps() {
    }

    public static List<WizardStep> standard(WizardState state, OsFacts machine) {
        return List.of(
                new WelcomeStep(state, machine),
                new UnavailableStep(Step.DETECT, Material2MZ.SEARCH),
                new UnavailableStep(Step.BACKUP, Material2AL.ARCHIVE),
                new UnavailableStep(Step.REMOVE, Material2AL.DELETE_SWEEP),
                new UnavailableStep(Step.REPLACEMENT, Material2MZ.SECURITY),
                new UnavailableStep(Step.RECEIPT, Material2MZ.RECEIPT));
    }
}
