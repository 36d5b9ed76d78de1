package org.riddance.ui.backup;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.shell.SessionRecorder;

/**
 * Shown when the journal says a back-up started and never ended (Riddance was closed or the PC lost power):
 * the half-written file is only ever a {@code .partial}, so clearing it loses nothing, and the back-up is
 * made again.
 */
final class InterruptedNotice extends VBox {

    InterruptedNotice(Path archive, DialogService dialogs, SessionRecorder recorder, Runnable dismiss) {
        super(8);
        setId("backup-interrupted");
        VBox banner = BackupResultView.banner(Styles.WARNING, Messages.get("backup.interrupted"),
                Messages.get("backup.interrupted.body", archive));
        Button clear = new Button(Messages.get("backup.interrupted.clear"));
        clear.setId("backup-interrupted-clear");
        clear.setOnAction(e -> {
            clear.setDisable(true);
            CompletableFuture.runAsync(() -> {
                try {
                    recorder.awaitSession().clearInterruptedBackup();
                } catch (java.io.IOException failure) {
                    throw new java.io.UncheckedIOException(failure);
                }
            }).whenComplete((ok, failure) -> Platform.runLater(() -> {
                if (failure != null) {
                    clear.setDisable(false);
                    dialogs.showError(Messages.get("backup.interrupted.failed"), failure.getCause());
                    return;
                }
                dismiss.run();
            }));
        });
        getChildren().addAll(banner, clear);
    }
}
