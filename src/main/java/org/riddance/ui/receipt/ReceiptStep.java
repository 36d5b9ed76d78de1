package org.riddance.ui.receipt;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.riddance.engine.AppContext;
import org.riddance.engine.AppVersion;
import org.riddance.receipt.KeyStoreException;
import org.riddance.engine.SigningKeys;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.receipt.ReceiptPrinter;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.session.Step;
import org.riddance.ui.CoreTask;
import org.riddance.ui.Css;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.ResultBanners;
import org.riddance.ui.shell.SessionRecorder;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardStep;

/**
 * Step 6: sign the receipt. The key is created on first use or unlocked with its passphrase; signing runs on
 * the journal's thread so the receipt states exactly what was recorded. Files stay in the data folder, and a
 * copy goes to the technician's folder (a USB stick) when one is chosen.
 */
public final class ReceiptStep extends WizardStep {

    private final AppContext context;
    private final WizardState state;
    private final DialogService dialogs;
    private final SessionRecorder recorder;
    private final ObjectProperty<Path> copyTo = new SimpleObjectProperty<>();
    private final ObjectProperty<ReceiptIssuer.Issued> issued = new SimpleObjectProperty<>();
    private final VBox result = new VBox(10);

    public ReceiptStep(AppContext context, WizardState state, DialogService dialogs, SessionRecorder recorder) {
        super(Step.RECEIPT, Material2MZ.RECEIPT);
        this.context = context;
        this.state = state;
        this.dialogs = dialogs;
        this.recorder = recorder;
    }

    Path keysFolder() {
        return SigningKeys.technicianFolder(context);
    }

    @Override
    protected Node createView() {
        Label heading = heading("receipt.heading");
        Label intro = intro("receipt.intro");

        KeyCard key = new KeyCard(keysFolder());
        Button sign = new Button(Messages.get(key.creating() ? "receipt.key.create" : "receipt.sign"),
                new FontIcon(Material2AL.CREATE));
        sign.setId("sign-receipt");
        sign.getStyleClass().add(Styles.ACCENT);
        sign.setDefaultButton(true);
        sign.disableProperty().bind(key.ready().not().or(state.busyProperty()));
        sign.setOnAction(e -> sign(key));

        Label copyInfo = new Label(Messages.get("receipt.copyTo.none"));
        copyInfo.setWrapText(true);
        copyInfo.getStyleClass().add(Css.MACHINE_LINE);
        copyTo.addListener((obs, old, now) -> copyInfo.setText(Messages.get("receipt.copyTo.chosen", now)));
        Button chooseCopy = new Button(Messages.get("receipt.copyTo"), new FontIcon(Material2MZ.USB));
        chooseCopy.setId("choose-copy-folder");
        chooseCopy.setOnAction(e -> chooseFolder(chooseCopy).ifPresent(copyTo::set));
        HBox actions = new HBox(10, sign, chooseCopy);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox signing = new VBox(12, key, actions, copyInfo);
        signing.visibleProperty().bind(issued.isNull());
        signing.managedProperty().bind(signing.visibleProperty());
        issued.addListener((obs, old, now) -> showIssued(now));
        return new VBox(14, heading, intro, signing, result);
    }

    private void sign(KeyCard key) {
        char[] passphrase = key.takePassphrase();
        boolean creating = key.creating();
        Optional<Path> copy = Optional.ofNullable(copyTo.get());
        CoreTask<ReceiptIssuer.Issued> task = new CoreTask<>((progress, cancellation) -> {
            progress.update(-1, -1, Messages.get("receipt.signing"));
            SigningKey signingKey = creating
                    ? TechnicianKeystore.create(keysFolder(), passphrase, state.sessionInfo().technicianName(), context.clock())
                    : TechnicianKeystore.open(keysFolder().resolve(TechnicianKeystore.KEYSTORE), passphrase);
            java.util.Arrays.fill(passphrase, '\0');
            ReceiptIssuer.Issued done = recorder.awaitSession().signReceipt(signingKey);
            if (copy.isPresent()) {
                done.copyTo(copy.get());
            }
            return done;
        });
        task.setOnSucceeded(e -> issued.set(task.getValue()));
        task.setOnFailed(e -> {
            Throwable error = task.getException() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : task.getException();
            if (error instanceof KeyStoreException) {
                key.problem.setText(error.getMessage()); // the technician can act on it right here
            } else {
                dialogs.showError(Messages.get("receipt.failed"), error);
            }
        });
        state.run(task);
    }

    private void showIssued(ReceiptIssuer.Issued receipt) {
        String outcome = receipt.payload().result();
        String style = switch (outcome) {
            case "pass" -> Styles.SUCCESS;
            case "fail" -> Styles.DANGER;
            default -> Styles.WARNING;
        };
        Label title = new Label(Messages.get("receipt.result." + outcome));
        title.getStyleClass().addAll(Styles.TITLE_4, style);
        title.setWrapText(true);
        title.setId("receipt-result");
        Label body = new Label(Messages.get("receipt.result.body", receipt.id()));
        body.setWrapText(true);
        VBox banner = new VBox(4, title, body);
        banner.getStyleClass().addAll(ResultBanners.RESULT_BANNER, "result-" + style);
        Label fingerprint = new Label(Messages.get("receipt.fingerprint", grouped(receipt.payload().keyFingerprint())));
        fingerprint.getStyleClass().add("evidence-location");
        fingerprint.setWrapText(true);
        Label folder = new Label(Messages.get("receipt.files", receipt.folder()));
        folder.setWrapText(true);
        Button saveCopy = new Button(Messages.get("receipt.copyTo"), new FontIcon(Material2MZ.USB));
        saveCopy.setId("save-copy");
        saveCopy.setOnAction(e -> chooseFolder(saveCopy).ifPresent(target -> copy(receipt, target)));
        Button print = new Button(Messages.get("receipt.print"), new FontIcon(Material2MZ.PRINT));
        print.setId("print-receipt");
        print.getStyleClass().add(Styles.ACCENT);
        print.disableProperty().bind(state.busyProperty());
        print.setOnAction(e -> print(receipt));
        ImageView preview = new ImageView();
        preview.setId("receipt-preview");
        preview.setFitWidth(420);
        preview.setPreserveRatio(true);
        preview.setAccessibleText(Messages.get("receipt.preview"));
        preview.getStyleClass().add("receipt-preview");
        renderPreview(receipt, preview);
        VBox facts = new VBox(10, banner, fingerprint, folder, new HBox(10, print, saveCopy));
        HBox.setHgrow(facts, javafx.scene.layout.Priority.ALWAYS);
        HBox layout = new HBox(24, facts, preview);
        result.getChildren().setAll(layout);
        Optional.ofNullable(copyTo.get()).ifPresent(target ->
                result.getChildren().add(new Label(Messages.get("receipt.copied", target))));
    }

    private void renderPreview(ReceiptIssuer.Issued receipt, ImageView view) {
        javafx.concurrent.Task<javafx.scene.image.Image> render = new javafx.concurrent.Task<>() {
            @Override
            protected javafx.scene.image.Image call() throws java.io.IOException {
                return PagePreview.render(receipt.pdf(), 90);
            }
        };
        render.setOnSucceeded(e -> view.setImage(render.getValue()));
        Thread thread = new Thread(render, "receipt-preview");
        thread.setDaemon(true);
        thread.start();
    }

    /** The system print dialog is AWT's and modal to itself: it runs off the FX thread. */
    private void print(ReceiptIssuer.Issued receipt) {
        CoreTask<Boolean> task = new CoreTask<>((progress, cancellation) -> ReceiptPrinter.printWithDialog(receipt.pdf()));
        task.setOnSucceeded(e -> {
            if (Boolean.TRUE.equals(task.getValue())) {
                dialogs.notify(Messages.get("receipt.printed"));
            }
        });
        task.setOnFailed(e -> dialogs.showError(Messages.get("receipt.print.failed"), task.getException()));
        state.run(task);
    }

    private void copy(ReceiptIssuer.Issued receipt, Path target) {
        CoreTask<Void> task = new CoreTask<>((progress, cancellation) -> {
            receipt.copyTo(target);
            return null;
        });
        task.setOnSucceeded(e -> dialogs.notify(Messages.get("receipt.copied", target)));
        task.setOnFailed(e -> dialogs.showError(Messages.get("receipt.failed"), task.getException()));
        state.run(task);
    }

    private static Optional<Path> chooseFolder(Node owner) {
        File folder = new DirectoryChooser().showDialog(owner.getScene().getWindow());
        return Optional.ofNullable(folder).map(File::toPath);
    }

    static String grouped(String hex) {
        return hex.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
