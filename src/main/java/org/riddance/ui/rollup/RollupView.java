package org.riddance.ui.rollup;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.riddance.engine.AppContext;
import org.riddance.engine.AppVersion;
import org.riddance.engine.SigningKeys;
import org.riddance.receipt.KeyStoreException;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.receipt.TrustStore;
import org.riddance.rollup.Inventory;
import org.riddance.rollup.OfficeRollup;
import org.riddance.rollup.RollupEntry;
import org.riddance.rollup.RollupIssuer;
import org.riddance.rollup.RollupReport;
import org.riddance.ui.CoreTask;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.Wrapping;

/**
 * The office roll-up screen (issue 17): open (or drop) a folder of receipts, optionally the inventory of PCs expected,
 * watch the table fill in as each file is read and verified against the office's trusted keys, filter it, and sign
 * the summary. The core ({@link OfficeRollup}, {@link RollupIssuer}) does the work; this screen only shows it.
 */
public final class RollupView extends BorderPane {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RollupView.class);

    private final AppContext context;
    private final DialogService dialogs;
    private final BackgroundWork work = new BackgroundWork();
    private final ObservableList<RollupEntry> rows = FXCollections.observableArrayList();
    private final FilteredList<RollupEntry> shown = new FilteredList<>(rows);
    private final ObjectProperty<RollupReport> report = new SimpleObjectProperty<>();
    /** The read under way, for the progress row; null when none is. */
    private final ObjectProperty<CoreTask<FolderRead>> reading = new SimpleObjectProperty<>();
    private final FilterBar filters = new FilterBar(shown, rows);
    private final CountsBar counts = new CountsBar(filters::show);
    private final Label source = new Label();
    private final Label problem = new Label();
    private final SigningCard signing;
    private final VBox bottom = new VBox(8);
    private Path folder;
    private Inventory inventory = Inventory.none();
    private String inventoryName = "";

    public RollupView(AppContext context, String site, DialogService dialogs) {
        this.context = context;
        this.dialogs = dialogs;
        setId("rollup-view");
        getStyleClass().add("rollup-view");
        signing = new SigningCard(SigningCard.keystoreIn(SigningKeys.technicianFolder(context)), context.demo(), site,
                context.dataDir().resolve("rollups"));
        Label intro = new Label(Messages.get("rollup.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(USE_PREF_SIZE);
        // once a folder is read the table needs the room more than the explanation does (at 900x600 especially)
        intro.visibleProperty().bind(Bindings.isEmpty(rows).and(reading.isNull()));
        intro.managedProperty().bind(intro.visibleProperty());
        source.setId("rollup-source");
        source.setWrapText(true);
        source.getStyleClass().add(Styles.TEXT_MUTED);
        source.setText(Messages.get("rollup.source.none"));
        problem.setId("rollup-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        VBox top = new VBox(8, intro, actions(), source, problem, new ReadProgress(reading, work::cancel), counts, filters);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        shown.predicateProperty().bind(filters.predicate());
        setCenter(new RollupTable(shown));
        setBottom(bottom);
        BorderPane.setMargin(bottom, new Insets(8, 0, 0, 0));
        signing.setVisible(false);
        signing.managedProperty().bind(signing.visibleProperty());
        signing.sign.disableProperty().bind(signing.ready().not().or(work.busyProperty()).or(report.isNull()));
        signing.sign.setOnAction(e -> sign());
        signing.close.setOnAction(e -> signing.setVisible(false));
        bottom.getChildren().add(signing);
        rows.addListener((javafx.collections.ListChangeListener<RollupEntry>) c -> counts.show(
                Optional.ofNullable(report.get()).orElseGet(() -> new RollupReport(rows, inventory.size())).counts()));
        acceptDrops();
    }

    private FlowPane actions() {
        Button open = new Button(Messages.get("rollup.open"), new FontIcon(Material2AL.FOLDER_OPEN));
        open.setId("rollup-open");
        open.getStyleClass().add(Styles.ACCENT);
        open.disableProperty().bind(work.busyProperty());
        open.setOnAction(e -> chooseFolder().ifPresent(this::open));
        Button expect = new Button(Messages.get("rollup.expect"), new FontIcon(Material2AL.LIST_ALT));
        expect.setId("rollup-expect");
        expect.disableProperty().bind(work.busyProperty());
        expect.setOnAction(e -> chooseInventory().ifPresent(this::expect));
        Button signSummary = new Button(Messages.get("rollup.sign"), new FontIcon(Material2AL.CREATE));
        signSummary.setId("rollup-sign-open");
        signSummary.disableProperty().bind(report.isNull().or(work.busyProperty()));
        signSummary.setOnAction(e -> {
            signing.setVisible(true);
            (signing.passphrase.isVisible() ? signing.passphrase : signing.site).requestFocus();
        });
        FlowPane actions = new FlowPane(10, 6, open, expect, signSummary);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    /** Reads {@code receipts} (a folder) into the table, as it goes; a folder already being read is not interrupted. */
    public void open(Path receipts) {
        if (work.busyProperty().get()) {
            return;
        }
        folder = receipts;
        report.set(null);
        rows.clear();
        problem.setText("");
        bottom.getChildren().setAll(signing);
        describeSource(Messages.get("rollup.progress.looking"));
        CoreTask<FolderRead> task = FolderRead.task(receipts, trustSources(), inventory, Optional.ofNullable(signing.destination()),
                entry -> Platform.runLater(() -> rows.add(entry)));
        task.setOnSucceeded(e -> {
            RollupReport read = task.getValue().report();
            report.set(read);
            rows.setAll(read.entries());
            describeSource(Messages.get("rollup.source.trust", task.getValue().trustedKeys(),
                    context.dataDir().resolve(TrustStore.FOLDER)));
            LOG.info("Roll-up of {}: {}", receipts, read.counts());
            getCenter().requestFocus(); // Open was disabled while reading and gave focus away: the rows take it now
        });
        task.setOnCancelled(e -> problem.setText(Messages.get("rollup.stopped", rows.size())));
        task.setOnFailed(e -> {
            LOG.warn("Roll-up of {} failed: {}", receipts, task.getException().toString());
            problem.setText(Messages.get("rollup.failed", receipts, task.getException().getMessage()));
        });
        task.runningProperty().addListener((obs, was, running) -> reading.set(running ? task : null));
        work.start(task, "rollup-read");
    }

    /** Stops a read or a signing that is running, at its next safe point. */
    public void stop() {
        work.cancel();
    }

    /** Reads the inventory of PCs the office expects; the folder, if one is open, is read again against it. */
    public void expect(Path csv) {
        CoreTask<Inventory> task = new CoreTask<>((progress, cancellation) -> Inventory.read(csv));
        task.setOnSucceeded(e -> {
            inventory = task.getValue();
            inventoryName = csv.getFileName().toString();
            problem.setText("");
            describeSource("");
            if (folder != null) {
                open(folder);
            }
        });
        task.setOnFailed(e -> problem.setText(Messages.get("rollup.expect.failed", task.getException().getMessage())));
        work.start(task, "rollup-inventory");
    }

    private void describeSource(String more) {
        List<String> parts = new ArrayList<>();
        parts.add(folder == null ? Messages.get("rollup.source.none") : Messages.get("rollup.source.folder", folder));
        if (!inventoryName.isEmpty()) {
            parts.add(Messages.get("rollup.source.expected", inventory.size(), inventoryName));
        }
        if (!more.isEmpty()) {
            parts.add(more);
        }
        source.setText(Wrapping.atSeparators(String.join(" \u00b7 ", parts)));
    }

    /** The office's trusted keys and the technician's own, as {@code verify} uses them; in the demo, the demo's key too. */
    private List<Path> trustSources() {
        List<Path> sources = new ArrayList<>(List.of(context.dataDir().resolve(TrustStore.FOLDER),
                SigningKeys.technicianFolder(context).resolve(TechnicianKeystore.PUBLIC_KEY)));
        if (context.demo()) {
            sources.add(SigningKeys.demoFolder(context).resolve(TechnicianKeystore.PUBLIC_KEY));
        }
        return sources;
    }

    private void sign() {
        RollupReport read = report.get();
        char[] passphrase = signing.demo() ? new char[0] : signing.takePassphrase();
        Path keystore = signing.keystore();
        Path destination = signing.destination();
        String site = signing.site.getText().strip();
        CoreTask<RollupIssuer.Issued> task = new CoreTask<>((progress, cancellation) -> {
            SigningKey key;
            try {
                key = signing.demo() ? SigningKeys.demo(context) : TechnicianKeystore.open(keystore, passphrase);
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
            return RollupIssuer.issue(read, site, key, AppVersion.version(), destination, context.clock());
        });
        task.setOnSucceeded(e -> {
            LOG.info("Roll-up {} signed into {}", task.getValue().id(), destination);
            signing.setVisible(false);
            bottom.getChildren().setAll(signing, new SignedSummary(task.getValue(), work, dialogs));
        });
        task.setOnFailed(e -> {
            Throwable error = task.getException() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : task.getException();
            if (error instanceof KeyStoreException) {
                LOG.warn("Signing the roll-up failed: {}", error.getMessage());
                signing.problem.setText(error.getMessage());
            } else {
                LOG.error("Signing the roll-up failed", error);
                dialogs.showError(Messages.get("rollup.sign.failed"), error);
            }
        });
        work.start(task, "rollup-sign");
    }

    /** A folder dropped from a file manager is read; a CSV is the inventory. */
    private void acceptDrops() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !work.busyProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            Optional<Path> dropped = files.stream().findFirst().map(File::toPath);
            dropped.ifPresent(path -> {
                if (Files.isDirectory(path)) {
                    open(path);
                } else if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                    expect(path);
                } else {
                    problem.setText(Messages.get("rollup.drop.wrong", path.getFileName()));
                }
            });
            e.setDropCompleted(dropped.isPresent());
            e.consume();
        });
    }

    private Optional<Path> chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("rollup.open"));
        return Optional.ofNullable(chooser.showDialog(getScene().getWindow())).map(File::toPath);
    }

    private Optional<Path> chooseInventory() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("rollup.expect"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        return Optional.ofNullable(chooser.showOpenDialog(getScene().getWindow())).map(File::toPath);
    }
}
