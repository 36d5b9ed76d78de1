package org.riddance.ui.detect;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import org.riddance.detect.FindingsExport;
import org.riddance.detect.ScanReport;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;

/** Asks where to save the findings and writes them off the FX thread. */
final class FindingsFile {

    private FindingsFile() {
    }

    static void save(Node owner, ScanReport report, String catalogSource, String extension, DialogService dialogs) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("detect.export.title"));
        chooser.setInitialFileName("riddance-findings-" + report.hostname() + extension);
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file == null) {
            return;
        }
        Task<Void> write = new Task<>() {
            @Override
            protected Void call() throws IOException {
                String text = extension.equals(".csv") ? FindingsExport.toCsv(report)
                        : FindingsExport.toJson(report, catalogSource);
                Files.writeString(file.toPath(), text, StandardCharsets.UTF_8);
                return null;
            }
        };
        write.setOnSucceeded(e -> dialogs.notify(Messages.get("detect.export.saved", file)));
        write.setOnFailed(e -> dialogs.showError(Messages.get("detect.export.failed"), write.getException()));
        Thread thread = new Thread(write, "export-findings");
        thread.setDaemon(true);
        thread.start();
    }
}
