package org.riddance.ui.shell;

import org.riddance.ui.DialogService;

/** What the window lends its steps: dialogs, and the journal of the session in progress. */
public record StepServices(DialogService dialogs, SessionRecorder recorder) {
}
