package org.riddance.ui.remove;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.FileChooser;
import org.riddance.engine.AppContext;
import org.riddance.detect.Detector;
import org.riddance.detect.Finding;
import org.riddance.removal.Kavremover;
import org.riddance.removal.Passwords;
import org.riddance.removal.RemovalItem;
import org.riddance.removal.RemovalOptions;
import org.riddance.removal.RemovalReport;
import org.riddance.removal.RemovalSession;
import org.riddance.ui.CoreTask;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.shell.SessionRecorder;
import org.riddance.ui.shell.WizardState;

/**
 * kavremover for one item whose MSI uninstall failed or cannot run: the technician picks the tool, Riddance checks
 * it is the vendor's signed tool and opens it, the technician says what it reported, and a rescan decides.
 */
final class LastResort {

    private final AppContext context;
    private final WizardState state;
    private final DialogService dialogs;
    private final UiRemovalBridge bridge;
    private final Supplier<RemoveStep.Session> session;
    private final SessionRecorder recorder;

    LastResort(AppContext context, WizardState state, DialogService dialogs, UiRemovalBridge bridge,
               Supplier<RemoveStep.Session> session, SessionRecorder recorder) {
        this.recorder = recorder;
        this.context = context;
        this.state = state;
        this.dialogs = dialogs;
        this.bridge = bridge;
        this.session = session;
    }

    void offer(RemovalItem item, Scene scene) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("remove.kavremover.choose"));
        File file = chooser.showOpenDialog(scene == null ? null : scene.getWindow());
        if (file != null) {
            run(item, file.toPath());
        }
    }

    void run(RemovalItem item, Path exe) {
        String vendor = context.catalog().product(item.id()).map(p -> p.vendor())
                .orElse(context.catalog().vendors().get(0).id());
        Kavremover.Checked tool;
        try {
            tool = Kavremover.check(exe, context.catalog(), vendor);
        } catch (IOException e) {
            dialogs.inform(Messages.get("remove.kavremover.refused"), e.getMessage());
            return;
        }
        if (!dialogs.confirm(Messages.get("remove.kavremover.confirm.title"),
                Messages.get("remove.kavremover.confirm.body", tool.signer(), item.product()))) {
            return;
        }
        RemoveStep.Session s = session.get();
        CoreTask<RemovalReport> task = new CoreTask<>((p, cancel) -> recorder.awaitSession().removeWithVendorTool(
                item.id(), tool, () -> bridge.reported(item), s.handlers(), s.relaunch(), p, cancel));
        task.setOnSucceeded(e -> s.refresh().run());
        task.setOnFailed(e -> dialogs.showError(Messages.get("remove.failed"), task.getException()));
        state.run(task);
    }
}
