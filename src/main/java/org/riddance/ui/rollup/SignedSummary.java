package org.riddance.ui.rollup;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.riddance.rollup.RollupIssuer;
import org.riddance.ui.CoreTask;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.ResultBanners;
import org.riddance.ui.SystemFiles;
import org.riddance.ui.Wrapping;

/**
 * The signed summary: whether the office is all PASS, where its files are, and Open PDF, Show folder and Print. What
 * the desktop cannot do (no viewer, no printer) is said in the app with what to do instead.
 */
final class SignedSummary extends VBox {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SignedSummary.class);

    SignedSummary(RollupIssuer.Issued issued, BackgroundWork work, DialogService dialogs) {
        super(6);
        setId("rollup-signed");
        boolean allPass = issued.report().allValidPass();
        Label title = new Label(allPass ? Messages.get("rollup.signed.allPass", issued.id())
                : Messages.get("rollup.signed.attention", issued.id(), issued.report().problems().size()));
        title.setId("rollup-signed-title");
        title.setWrapText(true);
        title.getStyleClass().addAll(Styles.TITLE_4, allPass ? Styles.SUCCESS : Styles.WARNING);
        Label folder = new Label(Wrapping.atSeparators(Messages.get("rollup.signed.files", issued.pdf().getParent())));
        folder.setId("rollup-signed-folder");
        folder.setWrapText(true);

        Button print = new Button(Messages.get("receipt.print"), new FontIcon(Material2MZ.PRINT));
        print.setId("rollup-print");
        print.getStyleClass().add(Styles.ACCENT);
        print.setOnAction(e -> print(issued.pdf(), work, dialogs));
        Button open = new Button(Messages.get("receipt.open"), new FontIcon(Material2MZ.PICTURE_AS_PDF));
        open.setId("rollup-open-pdf");
        open.setOnAction(e -> open(issued.pdf(), work, dialogs));
        Button show = new Button(Messages.get("receipt.showFolder"), new FontIcon(Material2AL.FOLDER_OPEN));
        show.setId("rollup-show-folder");
        show.setOnAction(e -> open(issued.pdf().getParent(), work, dialogs));
        for (Button b : new Button[] {print, open, show}) {
            b.disableProperty().bind(work.busyProperty());
        }
        getChildren().addAll(title, folder, new FlowPane(10, 6, print, open, show));
        getStyleClass().addAll(ResultBanners.RESULT_BANNER, "result-" + (allPass ? Styles.SUCCESS : Styles.WARNING));
    }

    private static void print(Path pdf, BackgroundWork work, DialogService dialogs) {
        CoreTask<Boolean> task = new CoreTask<>((progress, cancellation) -> SystemFiles.print(pdf));
        task.setOnSucceeded(e -> {
            if (Boolean.TRUE.equals(task.getValue())) {
                LOG.info("Roll-up {} sent to the printer", pdf.getFileName());
                dialogs.notify(Messages.get("receipt.printed"));
            }
        });
        task.setOnFailed(e -> {
            LOG.warn("Printing {} failed: {}", pdf, task.getException().getMessage());
            dialogs.inform(Messages.get("rollup.print.failed"), task.getException().getMessage());
        });
        work.start(task, "rollup-print");
    }

    private static void open(Path target, BackgroundWork work, DialogService dialogs) {
        work.start(SystemFiles.openTask(target, dialogs), "rollup-open");
    }
}
