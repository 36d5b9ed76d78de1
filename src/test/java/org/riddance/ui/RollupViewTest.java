package org.riddance.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.app.WizardSteps;
import org.riddance.engine.AppContext;
import org.riddance.engine.CatalogSource;
import org.riddance.engine.SigningKeys;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Command;
import org.riddance.platform.Hosts;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.receipt.TrustedKeys;
import org.riddance.rollup.RollupCheck;
import org.riddance.rollup.RollupEntry;
import org.riddance.rollup.Validity;
import org.riddance.ui.rollup.RollupView;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17, item 2: the roll-up screen, opened from the wizard's header, reads a stick of real receipts (see
 * {@link OfficeStick}), fills its table row by row, counts and filters it, refuses a wrong passphrase where it was
 * typed, and signs a summary that the core verifies and openssl accepts.
 */
@ExtendWith(ApplicationExtension.class)
class RollupViewTest {

    @TempDir
    Path work;
    private Path dataDir;
    private WizardWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("riddance-rollup-data");
        AppContext context = new AppContext(Hosts.sandbox(Files.createTempDirectory("riddance-root")), dataDir,
                new SessionStore(dataDir, Clock.systemUTC()), Clock.systemUTC());
        Themes.applyInitial();
        WizardState state = new WizardState();
        state.siteProperty().set("Praxis Ångström");
        window = new WizardWindow(context, state, r -> dialogs, services -> WizardSteps.standard(context, state, services));
        window.showIn(stage);
    }

    @AfterEach
    void closeRollup(FxRobot robot) {
        robot.interact(() -> window.rollupWindow().ifPresent(Stage::close));
    }

    @Test
    void readsAStickOfReceiptsFiltersThemAndSignsTheSummary(FxRobot robot) throws Exception {
        assumeTrue(onPath("dpkg-deb") && onPath("dpkg"), "needs dpkg-deb and dpkg for the demo sandbox (Debian: dpkg)");
        OfficeStick office = OfficeStick.build(work, dataDir);

        robot.clickOn("#office-rollup");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.rollupWindow().isPresent());
        Stage rollup = window.rollupWindow().orElseThrow();
        RollupView view = (RollupView) rollup.getScene().lookup("#rollup-view");
        @SuppressWarnings("unchecked")
        TableView<RollupEntry> table = (TableView<RollupEntry>) rollup.getScene().lookup("#rollup-table");
        List<Integer> sizesSeen = new CopyOnWriteArrayList<>();
        robot.interact(() -> table.getItems().addListener((javafx.collections.ListChangeListener<RollupEntry>)
                c -> sizesSeen.add(table.getItems().size())));

        robot.interact(() -> view.expect(office.inventory));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(rollup, "#rollup-source").contains("inventory.csv"));
        robot.interact(() -> view.open(office.stick));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !button(rollup, "#rollup-sign-open").isDisabled());

        // six receipt files (the PDF that is not one included) and pc-emil, whom the inventory expects
        assertThat(table.getItems()).hasSize(7);
        assertThat(sizesSeen).as("the table filled in one row at a time before the final word").contains(1, 2, 3);
        assertThat(hosts(table, Validity.VALID)).containsExactlyInAnyOrder("pc-anna", "pc-dora", "pc-dora");
        assertThat(table.getItems().stream().filter(RollupEntry::superseded).map(RollupEntry::host)).containsExactly("pc-dora");
        assertThat(text(rollup, "#count-pass")).isEqualTo(Messages.get("rollup.count.pass", 1));
        assertThat(text(rollup, "#count-incomplete")).isEqualTo(Messages.get("rollup.count.incomplete", 1));
        assertThat(text(rollup, "#count-tampered")).isEqualTo(Messages.get("rollup.count.tampered", 1));
        assertThat(text(rollup, "#count-unknownKey")).isEqualTo(Messages.get("rollup.count.unknown_key", 1));
        assertThat(text(rollup, "#count-unreadable")).isEqualTo(Messages.get("rollup.count.unreadable", 1));
        assertThat(text(rollup, "#count-missing")).isEqualTo(Messages.get("rollup.count.missing", 1));
        assertThat(text(rollup, "#count-superseded")).isEqualTo(Messages.get("rollup.count.superseded", 1));
        // four PCs sent receipts; pc-emil, expected, is counted as missing
        assertThat(text(rollup, "#count-totals")).isEqualTo(Messages.get("rollup.counts.totals", 6, 4));

        @SuppressWarnings("unchecked")
        ComboBox<Object> filter = (ComboBox<Object>) rollup.getScene().lookup("#rollup-filter");
        robot.interact(() -> filter.getSelectionModel().select(1)); // problems only
        assertThat(table.getItems()).as("everything counted that is not valid and PASS").hasSize(5)
                .noneMatch(RollupEntry::validPass).noneMatch(RollupEntry::superseded);
        robot.clickOn("#rollup-search").write("CORA");
        assertThat(table.getItems()).extracting(RollupEntry::host).containsExactly("pc-cora");
        assertThat(table.getItems().get(0).validity()).isEqualTo(Validity.UNKNOWN_KEY);
        robot.interact(() -> button(rollup, "#count-missing").fire());
        assertThat(table.getItems()).as("a count shows its rows, with the name filter still on").isEmpty();
        robot.interact(() -> ((javafx.scene.control.TextField) rollup.getScene().lookup("#rollup-search")).clear());
        assertThat(table.getItems()).extracting(RollupEntry::host).containsExactly("pc-emil");

        robot.clickOn("#rollup-sign-open");
        assertThat(text(rollup, "#rollup-site")).isEqualTo("Praxis Ångström");
        robot.clickOn("#rollup-passphrase").write("wrong horse");
        robot.clickOn("#rollup-sign");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text(rollup, "#rollup-sign-problem").isEmpty());
        assertThat(text(rollup, "#rollup-sign-problem")).contains("passphrase");
        assertThat(dataDir.resolve("rollups")).as("a wrong passphrase writes nothing").doesNotExist();

        robot.clickOn("#rollup-passphrase").write(OfficeStick.PASSPHRASE);
        robot.clickOn("#rollup-sign");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rollup.getScene().lookup("#rollup-signed") != null);
        assertThat(dialogs.errors).isEmpty();
        Path json;
        try (Stream<Path> files = Files.list(dataDir.resolve("rollups"))) {
            json = files.filter(f -> f.toString().endsWith(".rollup.json")).findFirst().orElseThrow();
        }
        String id = json.getFileName().toString().replace(".rollup.json", "");
        assertThat(text(rollup, "#rollup-signed-title")).isEqualTo(Messages.get("rollup.signed.attention", id, 5));
        TrustedKeys trusted = TrustedKeys.load(office.officeKeys.resolve(TechnicianKeystore.PUBLIC_KEY));
        assertThat(RollupCheck.file(json, trusted).verdict().valid()).as("the core verifies the summary").isTrue();
        String summary = Files.readString(json);
        assertThat(summary).contains("\"site\":\"Praxis Ångström\"", "\"host\":\"pc-emil\"", office.anna);
        if (onPath("openssl")) {
            Path pem = Path.of(json.toString().replace(".rollup.json", ".pub.pem"));
            ProcessResult openssl = new SystemProcessRunner().run(Command.of("openssl", "pkeyutl", "-verify", "-pubin",
                    "-inkey", pem.toString(), "-rawin", "-in", json.toString(), "-sigfile",
                    json.toString().replace(".rollup.json", ".rollup.sig")).build());
            assertThat(openssl.stdout() + openssl.stderr()).contains("Signature Verified Successfully");
        }
        List<String> clipped = new CopyOnWriteArrayList<>();
        robot.interact(() -> clipped.addAll(Clipping.clippedIn(rollup.getScene().getRoot())));
        assertThat(clipped).as("nothing cut short with an ellipsis").isEmpty();
    }

    @Test
    void inTheDemoTheDemoKeySignsAndItsReceiptsAreTrustedAndStopLeavesNothingToSign(FxRobot robot) throws Exception {
        AppContext demo = new AppContext(Hosts.sandbox(Files.createTempDirectory("riddance-root")), dataDir,
                new SessionStore(dataDir, Clock.systemUTC()), Clock.systemUTC(), CatalogSource.builtIn(), true);
        Path stick = Files.createDirectories(work.resolve("stick"));
        OfficeStick.scanOnly(work, "pc-demo", SigningKeys.demo(demo), Clock.systemUTC()).copyTo(stick);
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            stage[0].setScene(new javafx.scene.Scene(new RollupView(demo, "Demo office", dialogs), 1000, 700));
            stage[0].show();
        });
        RollupView view = (RollupView) stage[0].getScene().lookup("#rollup-view");
        robot.interact(() -> {
            view.open(stick);
            view.stop(); // Stop, pressed before the read could finish: it ends at its next safe point
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !button(stage[0], "#rollup-open").isDisabled());
        assertThat(text(stage[0], "#rollup-problem")).startsWith(Messages.get("rollup.stopped", 0).substring(0, 12));
        assertThat(button(stage[0], "#rollup-sign-open").isDisabled()).as("a partial read cannot be signed").isTrue();

        robot.interact(() -> view.open(stick));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !button(stage[0], "#rollup-sign-open").isDisabled());
        assertThat(text(stage[0], "#count-incomplete")).as("the demo key's receipt is genuine in the demo")
                .isEqualTo(Messages.get("rollup.count.incomplete", 1));

        robot.interact(() -> button(stage[0], "#rollup-sign-open").fire());
        assertThat(stage[0].getScene().lookup("#rollup-passphrase")).as("the demo asks for no passphrase").isNull();
        assertThat(text(stage[0], "#rollup-key-line")).isEqualTo(Messages.get("rollup.sign.key.demo"));
        robot.interact(() -> button(stage[0], "#rollup-sign").fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stage[0].getScene().lookup("#rollup-signed") != null);
        assertThat(dialogs.errors).isEmpty();
        try (Stream<Path> files = Files.list(dataDir.resolve("rollups"))) {
            Path json = files.filter(f -> f.toString().endsWith(".rollup.json")).findFirst().orElseThrow();
            TrustedKeys demoKey = TrustedKeys.load(SigningKeys.demoFolder(demo).resolve(TechnicianKeystore.PUBLIC_KEY));
            assertThat(RollupCheck.file(json, demoKey).verdict().valid()).isTrue();
        }
        robot.interact(stage[0]::close);
    }

    private static List<String> hosts(TableView<RollupEntry> table, Validity validity) {
        return table.getItems().stream().filter(e -> e.validity() == validity).map(RollupEntry::host).toList();
    }

    private static String text(Stage stage, String id) {
        javafx.scene.Node node = stage.getScene().lookup(id);
        return node instanceof javafx.scene.control.Labeled l ? l.getText()
                : node instanceof javafx.scene.control.TextInputControl t ? t.getText() : "";
    }

    private static Button button(Stage stage, String id) {
        return (Button) stage.getScene().lookup(id);
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
