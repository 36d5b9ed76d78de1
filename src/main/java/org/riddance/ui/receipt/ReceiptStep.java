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
import org.riddance.receipt.KeyStoreException;
import org.riddance.engine.SigningKeys;
import org.riddance.receipt.ReceiptDocument;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.receipt.ReceiptPayload;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.session.Step;
import org.riddance.ui.CoreTask;
import org.riddance.ui.Css;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.ResultBanners;
import org.riddance.ui.SystemFiles;
import org.riddance.ui.shell.SessionRecorder;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardStep;

/**
 * Step 6: the ending. First a review of what the receipt will say (read from the journal), then the key (created on
 * first use, as a step of its own, or unlocked with its passphrase; the demo's own key in the demo), then Sign. The
 * signed receipt can be printed, opened, shown in its folder and copied; Finish ends the session.
 */
public final class ReceiptStep extends WizardStep {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReceiptStep.class);

    private final AppContext context;
    private final WizardState state;
    private final DialogService dialogs;
    private final SessionRecorder recorder;
    private final ObjectProperty<Path> copyTo = new SimpleObjectProperty<>();
    private final ObjectProperty<ReceiptIssuer.Issued> issued = new SimpleObjectProperty<>();
    private final ObjectProperty<ReceiptPayload> review = new SimpleObjectProperty<>();
    private static final double PREVIEW_WIDTH = 420;
    /** Narrower than this, the result column would be squeezed beside the preview. */
    private static final double SIDE_BY_SIDE = 840;
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

        KeyCard key = new KeyCard(keysFolder(), context.demo());
        Button createKey = new Button(Messages.get("receipt.key.create"), new FontIcon(Material2MZ.VPN_KEY));
        createKey.setId("create-key");
        createKey.visibleProperty().bind(key.creatingProperty());
        createKey.managedProperty().bind(createKey.visibleProperty());
        createKey.disableProperty().bind(key.ready().not().or(state.busyProperty()));
        createKey.setOnAction(e -> createKey(key));
        // never the default button: Enter in a passphrase field must not sign (the technician reviews first)
        Button sign = new Button(Messages.get("receipt.sign"), new FontIcon(Material2AL.CREATE));
        sign.setId("sign-receipt");
        sign.getStyleClass().add(Styles.ACCENT);
        sign.disableProperty().bind(key.canSign().not().or(state.busyProperty()).or(review.isNull()));
        sign.setOnAction(e -> sign(key));

        Label copyInfo = new Label(Messages.get("receipt.copyTo.none"));
        copyInfo.setWrapText(true);
        copyInfo.getStyleClass().add(Css.MACHINE_LINE);
        copyTo.addListener((obs, old, now) -> copyInfo.setText(Messages.get("receipt.copyTo.chosen", now)));
        Button chooseCopy = new Button(Messages.get("receipt.copyTo"), new FontIcon(Material2MZ.USB));
        chooseCopy.setId("choose-copy-folder");
        chooseCopy.setOnAction(e -> chooseFolder(chooseCopy).ifPresent(copyTo::set));
        HBox actions = new HBox(10, createKey, sign, chooseCopy);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox reviewBox = new VBox();
        review.addListener((obs, old, now) -> reviewBox.getChildren().setAll(new ReviewCard(now)));
        VBox signing = new VBox(12, reviewBox, key, actions, copyInfo);
        signing.visibleProperty().bind(issued.isNull());
        signing.managedProperty().bind(signing.visibleProperty());
        issued.addListener((obs, old, now) -> showIssued(now));
        return new VBox(14, heading, intro, signing, result);
    }

    @Override
    public void entered() {
        if (issued.get() != null) {
            return;
        }
        CoreTask<ReceiptPayload> task = new CoreTask<>((progress, cancel) -> recorder.awaitSession().previewReceipt());
        task.setOnSucceeded(e -> review.set(task.getValue()));
        task.setOnFailed(e -> dialogs.showError(Messages.get("receipt.failed"), task.getException()));
        state.run(task);
    }

    /** Creates the key only; signing is a separate, reviewed decision. */
    private void createKey(KeyCard key) {
        char[] passphrase = key.takePassphrase();
        String technician = state.sessionInfo().technicianName();
        CoreTask<SigningKey> task = new CoreTask<>((progress, cancellation) -> {
            try {
                return TechnicianKeystore.create(keysFolder(), passphrase, technician, context.clock());
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
        });
        task.setOnSucceeded(e -> key.created(task.getValue()));
        task.setOnFailed(e -> keyProblem(key, task.getException()));
        state.run(task);
    }

    private void sign(KeyCard key) {
        char[] passphrase = key.takePassphrase();
        Optional<SigningKey> ready = key.createdKey();
        boolean demo = context.demo();
        Optional<Path> copy = Optional.ofNullable(copyTo.get());
        CoreTask<ReceiptIssuer.Issued> task = new CoreTask<>((progress, cancellation) -> {
            progress.update(-1, -1, Messages.get("receipt.signing"));
            SigningKey signingKey;
            try {
                signingKey = demo ? SigningKeys.demo(context) : ready.isPresent() ? ready.get()
                        : TechnicianKeystore.open(keysFolder().resolve(TechnicianKeystore.KEYSTORE), passphrase);
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
            ReceiptIssuer.Issued done = recorder.awaitSession().signReceipt(signingKey);
            if (copy.isPresent()) {
                done.copyTo(copy.get());
            }
            return done;
        });
        task.setOnSucceeded(e -> issued.set(task.getValue()));
        task.setOnFailed(e -> keyProblem(key, task.getException()));
        state.run(task);
    }

    /** A key problem is said where the passphrase was typed; anything else names what failed and what to do. */
    private void keyProblem(KeyCard key, Throwable failure) {
        Throwable error = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        LOG.warn("Signing step failed: {}", error.toString());
        if (error instanceof KeyStoreException) {
            key.problem.setText(error.getMessage());
        } else {
            dialogs.showError(Messages.get("receipt.failed"), error);
        }
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
        Label body = new Label(ReceiptDocument.headline(receipt.payload()) + " "
                + Messages.get("receipt.result.body", receipt.id()));
        body.setId("receipt-result-why");
        body.setWrapText(true);
        VBox banner = new VBox(4, title, body);
        banner.getStyleClass().addAll(ResultBanners.RESULT_BANNER, "result-" + style);
        Label fingerprint = new Label(Messages.get("receipt.fingerprint", grouped(receipt.payload().keyFingerprint())));
        fingerprint.getStyleClass().add("evidence-location");
        fingerprint.setWrapText(true);
        Label folder = new Label(org.riddance.ui.Wrapping.atSeparators(Messages.get("receipt.files", receipt.folder())));
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
        preview.setFitWidth(PREVIEW_WIDTH);
        preview.setPreserveRatio(true);
        preview.setAccessibleText(Messages.get("receipt.preview"));
        preview.getStyleClass().add("receipt-preview");
        renderPreview(receipt, preview);
        Button openPdf = new Button(Messages.get("receipt.open"), new FontIcon(Material2MZ.PICTURE_AS_PDF));
        openPdf.setId("open-pdf");
        openPdf.setOnAction(e -> openWithSystem(receipt.pdf()));
        Button showFolder = new Button(Messages.get("receipt.showFolder"), new FontIcon(Material2AL.FOLDER_OPEN));
        showFolder.setId("show-folder");
        showFolder.setOnAction(e -> openWithSystem(receipt.folder()));
        Button finish = new Button(Messages.get("receipt.finish"), new FontIcon(Material2AL.CHECK));
        finish.setId("finish");
        finish.disableProperty().bind(state.busyProperty());
        finish.setOnAction(e -> finish(finish));
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(10, 10, print, openPdf, showFolder, saveCopy,
                finish);
        VBox facts = new VBox(10, banner, fingerprint, folder, buttons);
        // beside the page preview where there is room for both, else above it: the result and Print come first
        javafx.scene.layout.FlowPane layout = new javafx.scene.layout.FlowPane(24, 16, facts, preview);
        layout.prefWrapLengthProperty().bind(layout.widthProperty());
        facts.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double w = layout.getWidth();
            return w >= SIDE_BY_SIDE ? w - 24 - PREVIEW_WIDTH - 1 : Math.max(w, 1);
        }, layout.widthProperty()));
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

    /** The system print dialog runs off the FX thread (see {@link SystemFiles#print}). */
    private void print(ReceiptIssuer.Issued receipt) {
        CoreTask<Boolean> task = new CoreTask<>((progress, cancellation) -> SystemFiles.print(receipt.pdf()));
        task.setOnSucceeded(e -> {
            if (Boolean.TRUE.equals(task.getValue())) {
                LOG.info("Receipt {} sent to the printer", receipt.id());
                dialogs.notify(Messages.get("receipt.printed"));
            }
        });
        task.setOnFailed(e -> {
            LOG.warn("Printing receipt {} failed: {}", receipt.id(), task.getException().getMessage());
            dialogs.inform(Messages.get("receipt.print.failed"), task.getException().getMessage());
        });
        state.run(task);
    }

    /** The PDF in the system's viewer, the folder in its file manager; off the FX thread, failures said in the app. */
    private void openWithSystem(Path target) {
        state.run(SystemFiles.openTask(target, dialogs));
    }

    /** Ends the session, so the next start does not offer to continue it, and closes the wizard. */
    private void finish(Node owner) {
        recorder.finish("signed").whenComplete((ok, failure) -> javafx.application.Platform.runLater(() -> {
            if (failure != null) {
                LOG.error("Could not end the session", failure);
                dialogs.showError(Messages.get("error.journal"), failure);
                return;
            }
            if (owner.getScene() != null && owner.getScene().getWindow() != null) {
                owner.getScene().getWindow().hide();
            }
        }));
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
