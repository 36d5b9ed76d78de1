package org.riddance.ui.backup;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.riddance.backup.RestoreResult;
import org.riddance.backup.Restorer;
import org.riddance.backup.Sizes;
import org.riddance.ui.CoreTask;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.shell.WizardState;

/** Restore in the app: pick an archive and an empty folder; names and hashes are checked as on the command line. */
final class RestoreAction {

    private final Node owner;
    private final WizardState state;
    private final DialogService dialogs;

    RestoreAction(Node owner, WizardState state, DialogService dialogs) {
        this.owner = owner;
        this.state = state;
        this.dialogs = dialogs;
    }

    void run() {
        FileChooser pickArchive = new FileChooser();
        pickArchive.setTitle(Messages.get("restore.pickArchive"));
        pickArchive.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("restore.archives"), "*.zip"));
        File archive = pickArchive.showOpenDialog(owner.getScene().getWindow());
        if (archive == null) {
            return;
        }
        DirectoryChooser pickTarget = new DirectoryChooser();
        pickTarget.setTitle(Messages.get("restore.pickTarget"));
        File target = pickTarget.showDialog(owner.getScene().getWindow());
        if (target != null) {
            restore(archive.toPath(), target.toPath());
        }
    }

    void restore(Path archive, Path target) {
        CoreTask<RestoreResult> task = new CoreTask<>((p, cancel) -> Restorer.restore(archive, target, p, cancel));
        task.setOnSucceeded(e -> {
            RestoreResult result = task.getValue();
            String text = Messages.get("restore.done", result.files(), Sizes.human(result.bytes()), result.target());
            if (!result.complete()) {
                text += "\n\n" + Messages.get("restore.refused") + "\n" + String.join("\n", result.refused());
            }
            dialogs.inform(Messages.get("restore.title"), text);
        });
        task.setOnFailed(e -> dialogs.inform(Messages.get("restore.title"),
                Messages.get("restore.failed", task.getException().getMessage())));
        state.run(task);
    }
}
