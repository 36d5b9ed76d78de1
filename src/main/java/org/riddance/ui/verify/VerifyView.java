package org.riddance.ui.verify;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.riddance.receipt.ReceiptCheck;
import org.riddance.receipt.SignedReceipt;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.receipt.TrustedKeys;
import org.riddance.receipt.Verdict;
import org.riddance.ui.Messages;

/**
 * Checks a receipt from its file, its PDF, a scan of its QR code or the QR text. By default it trusts the
 * technician's own key and the keys in the data folder's {@code trusted-keys}; another key can be chosen.
 */
public final class VerifyView extends VBox {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VerifyView.class);

    public static final String TRUSTED_KEYS = org.riddance.receipt.TrustStore.FOLDER;

    private final Label trustLine = new Label();
    private final Label verdict = new Label();
    private final Label summary = new Label();
    private List<Path> trustSources;

    public VerifyView(Path dataDir) {
        super(10);
        setId("verify-view");
        setPrefWidth(560);
        trustSources = List.of(dataDir.resolve("keys").resolve(TechnicianKeystore.PUBLIC_KEY), dataDir.resolve(TRUSTED_KEYS));
        Label intro = new Label(Messages.get("verify.intro"));
        intro.setWrapText(true);
        // in a dialog the labels are otherwise squeezed to one line with "...": they take the height they need
        for (Label l : List.of(intro, trustLine, verdict, summary)) {
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        Button open = new Button(Messages.get("verify.open"), new FontIcon(Material2AL.FOLDER_OPEN));
        open.setId("verify-open");
        open.setOnAction(e -> chooseReceipt().ifPresent(file -> check(trusted -> ReceiptCheck.file(file, trusted))));
        TextArea qrText = org.riddance.ui.Keyboard.tabLeaves(new TextArea());
        qrText.setId("verify-qr-text");
        qrText.setPromptText(Messages.get("verify.qrText"));
        qrText.setPrefRowCount(3);
        qrText.setWrapText(true);
        Button checkText = new Button(Messages.get("verify.check"));
        checkText.setId("verify-check-text");
        checkText.disableProperty().bind(qrText.textProperty().isEmpty());
        checkText.setOnAction(e -> check(trusted -> ReceiptCheck.qrText(qrText.getText(), trusted)));
        Button trust = new Button(Messages.get("verify.trust.choose"), new FontIcon(Material2AL.FINGERPRINT));
        trust.setOnAction(e -> chooseKey().ifPresent(key -> {
            trustSources = List.of(key);
            trustLine.setText(org.riddance.ui.Wrapping.atSeparators(Messages.get("verify.trust.chosen", key)));
        }));
        trustLine.setWrapText(true);
        trustLine.getStyleClass().add(Styles.TEXT_MUTED);
        countKeysInBackground(dataDir.resolve(TRUSTED_KEYS));
        verdict.setId("verify-verdict");
        verdict.getStyleClass().add(Styles.TITLE_4);
        verdict.setWrapText(true);
        summary.setWrapText(true);
        summary.setId("verify-summary");
        getChildren().addAll(intro, open, qrText, checkText, new HBox(10, trust), trustLine, verdict, summary);
        // a receipt or scan dragged from a file manager or a USB stick's window
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            files.stream().findFirst().ifPresent(file -> check(trusted -> ReceiptCheck.file(file.toPath(), trusted)));
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    /** Reads and verifies one receipt (a file, a scan, the pasted code) with the trusted keys. */
    @FunctionalInterface
    private interface Source {
        ReceiptCheck.Result check(TrustedKeys trusted);
    }

    private void check(Source source) {
        List<Path> sources = trustSources;
        Task<Verdict> task = new Task<>() {
            SignedReceipt receipt;

            @Override
            protected Verdict call() throws IOException {
                ReceiptCheck.Result result = source.check(TrustedKeys.loadAll(sources));
                receipt = result.receipt().orElse(null);
                return result.verdict();
            }

            @Override
            protected void succeeded() {
                show(getValue(), getValue().valid() ? Optional.ofNullable(receipt) : Optional.empty());
            }

            @Override
            protected void failed() {
                show(new Verdict(Verdict.Reason.UNREADABLE, String.valueOf(getException().getMessage()), ""), Optional.empty());
            }
        };
        Thread thread = new Thread(task, "verify-receipt");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * In the technician's words: whether the receipt is genuine, and, separately, what it says; a genuine receipt
     * of a failed session is not shown in green. The technical detail stays in the log.
     */
    private void show(Verdict result, Optional<SignedReceipt> receipt) {
        LOG.info("Verify: {}", result);
        String outcome = receipt.map(VerifyView::result).orElse("");
        boolean passed = result.valid() && "pass".equals(outcome);
        String key = "verify.reason." + result.reason().name().toLowerCase(java.util.Locale.ROOT);
        String text = Messages.has(key) ? Messages.get(key) : Messages.get("verify.result.invalid") + ": " + result;
        if (result.reason() == Verdict.Reason.UNKNOWN_KEY && !result.keyFingerprint().isBlank()) {
            text = text + " (" + result.keyFingerprint() + ")";
        }
        if (result.valid() && !outcome.isEmpty()) { // genuine is not the same as the work having passed
            text = text + " " + Messages.get("verify.outcome." + outcome);
        }
        verdict.setText(text);
        verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
        verdict.getStyleClass().add(passed ? Styles.SUCCESS : result.valid() ? Styles.WARNING : Styles.DANGER);
        summary.setText(receipt.map(VerifyView::describe).orElse(""));
        growWindowToFit();
    }

    /** The verdict and summary arrive after the dialog was sized: it grows to show them and keep Close in view. */
    private void growWindowToFit() {
        javafx.application.Platform.runLater(() -> {
            javafx.scene.Scene scene = getScene();
            if (scene != null && scene.getWindow() != null) {
                double wanted = scene.getRoot().prefHeight(scene.getWidth());
                if (wanted > scene.getHeight()) {
                    scene.getWindow().sizeToScene(); // height alone makes GTK resize to a width of 0
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static String result(SignedReceipt receipt) {
        try {
            Object r = new ObjectMapper().readValue(receipt.payload(), Map.class).get("result");
            return r == null ? "" : r.toString();
        } catch (IOException e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    private static String describe(SignedReceipt receipt) {
        try {
            return SummaryLine.of(new ObjectMapper().readValue(receipt.payload(), Map.class));
        } catch (IOException e) {
            return "";
        }
    }

    /** Reading the key files is disk work: not on the FX thread, even for a few small files. */
    private void countKeysInBackground(Path folder) {
        List<Path> sources = trustSources;
        Task<Integer> count = new Task<>() {
            @Override
            protected Integer call() throws IOException {
                return TrustedKeys.loadAll(sources).size();
            }
        };
        count.setOnSucceeded(e -> trustLine.setText(org.riddance.ui.Wrapping.atSeparators(Messages.get("verify.trust.default", folder, count.getValue()))));
        count.setOnFailed(e -> trustLine.setText(org.riddance.ui.Wrapping.atSeparators(Messages.get("verify.trust.default", folder, 0))));
        Thread thread = new Thread(count, "count-trusted-keys");
        thread.setDaemon(true);
        thread.start();
    }

    private Optional<Path> chooseReceipt() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("verify.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("verify.fileTypes"),
                "*.json", "*.pdf", "*.png", "*.jpg", "*.jpeg"));
        return Optional.ofNullable(chooser.showOpenDialog(getScene().getWindow())).map(File::toPath);
    }

    private Optional<Path> chooseKey() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PEM", "*.pem"));
        return Optional.ofNullable(chooser.showOpenDialog(getScene().getWindow())).map(File::toPath);
    }
}
