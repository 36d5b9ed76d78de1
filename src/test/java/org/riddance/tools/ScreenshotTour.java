package org.riddance.tools;

import static org.riddance.tools.TourCamera.onFx;
import static org.riddance.tools.TourCamera.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.riddance.engine.AppContext;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.Privileges;
import org.riddance.session.Step;
import org.riddance.ui.FxDialogService;
import org.riddance.ui.Themes;
import org.riddance.app.WizardSteps;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;

/**
 * Walks the real wizard window through every step in the light and dark themes and saves a PNG of each,
 * so a person can look at what the technician sees. Run it with {@code src/tools/screenshots.sh}.
 */
public final class ScreenshotTour {

    private static Path out;

    public static void main(String[] args) throws IOException {
        out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Application.launch(Window.class);
    }

    /** The launched class must not be the main class: see the launcher's note on "runtime components are missing". */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            ScreenshotTour.start(stage);
        }
    }

    static void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory("riddance-tour");
        Path demoRoot = Files.createTempDirectory("riddance-tour-root");
        org.riddance.demo.DemoSandbox.build(demoRoot, new org.riddance.platform.SystemProcessRunner(),
                org.riddance.work.Cancellation.none());
        Host sandbox = Hosts.sandbox(demoRoot);
        // not elevated, so the privilege banner shows as a technician without admin rights would see it
        Host host = sandbox.withPrivileges(Privileges.fixed(false));
        AppContext context = new AppContext(host, data, new SessionStore(data, Clock.systemUTC()), Clock.systemUTC());
        Themes.applyInitial();
        WizardState state = new WizardState();
        WizardWindow window = new WizardWindow(context, state, FxDialogService::new,
                services -> WizardSteps.standard(context, state, services));
        window.showIn(stage);

        new Thread(() -> {
            try {
                tour(stage, state, window);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
            }
        }, "tour").start();
    }

    private static void tour(Stage stage, WizardState state, WizardWindow window) throws Exception {
        shoot(stage, "01-welcome-empty-light");
        onFx(() -> {
            state.technicianNameProperty().set("José Müller");
            state.siteProperty().set("Acme Dental, Porto office");
            state.ticketProperty().set("INC 4711");
        });
        shoot(stage, "02-welcome-invalid-ticket-light");
        onFx(() -> state.ticketProperty().set("INC-4711"));
        shoot(stage, "03-welcome-filled-light");
        onFx(() -> window.navigator().goTo(Step.DETECT));
        waitFor(() -> state.scanReportProperty().get() != null);
        shoot(stage, "04-detect-results-light");
        onFx(() -> ((javafx.scene.control.TitledPane) stage.getScene().lookup("#finding-kesl")).setExpanded(true));
        shoot(stage, "04b-detect-evidence-light");
        Platform.runLater(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#why-kesl")).fire());
        Thread.sleep(1200); // the dialog runs its own event loop; don't wait on it
        javafx.stage.Window dialog = javafx.stage.Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        shoot((Stage) dialog, "04c-why-banned-light");
        Platform.runLater(((Stage) dialog)::close);
        Thread.sleep(300);
        backup(stage, state, window);
        for (Step step : new Step[] {Step.REMOVE, Step.REPLACEMENT, Step.RECEIPT}) {
            onFx(() -> window.navigator().goTo(step));
            waitFor(() -> !state.isBusy()); // the replacement step checks the antivirus on arrival
            shoot(stage, String.format("%02d-%s-light", step.ordinal() + 3, step.id()));
        }
        onFx(() -> {
            ((javafx.scene.control.PasswordField) stage.getScene().lookup("#passphrase")).setText("correct horse");
            ((javafx.scene.control.PasswordField) stage.getScene().lookup("#passphrase-again")).setText("correct horse");
        });
        shoot(stage, "08b-receipt-key-light");
        onFx(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#create-key")).fire());
        waitFor(() -> stage.getScene().lookup("#key-created") != null && !state.isBusy());
        onFx(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#sign-receipt")).fire());
        waitFor(() -> stage.getScene().lookup("#receipt-preview") instanceof javafx.scene.image.ImageView view
                && view.getImage() != null);
        shoot(stage, "08c-receipt-signed-light");
        Platform.runLater(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#verify-receipt")).fire());
        Thread.sleep(1200);
        javafx.stage.Window verify = javafx.stage.Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        shoot((Stage) verify, "09-verify-dialog-light");
        Platform.runLater(((Stage) verify)::close);
        Thread.sleep(300);
        onFx(() -> {
            Themes.toggle();
            window.navigator().goTo(Step.WELCOME);
        });
        shoot(stage, "10-welcome-dark");
        onFx(() -> window.navigator().goTo(Step.DETECT));
        shoot(stage, "11-detect-dark");
        window.recorder().flush().get(10, TimeUnit.SECONDS);
        cleanMachine();
    }

    private static void backup(Stage stage, WizardState state, WizardWindow window) throws Exception {
        onFx(() -> window.navigator().goTo(Step.BACKUP));
        waitFor(() -> !state.isBusy() && stage.getScene().lookup("#backup-plan") instanceof javafx.scene.control.TreeView<?> tree
                && tree.getRoot() != null);
        Path stick = Files.createTempDirectory("riddance-tour-stick");
        onFx(() -> ((javafx.scene.control.ComboBox<Path>) stage.getScene().lookup("#backup-destination")).setValue(stick));
        shoot(stage, "05-backup-plan-light");
        onFx(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#backup-start")).fire());
        waitFor(() -> !state.isBusy() && stage.getScene().lookup("#backup-result") != null);
        onFx(() -> ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#step-scroll")).setVvalue(1));
        shoot(stage, "05b-backup-verified-light");
    }

    /** A second window on an empty sandbox, for the "nothing banned found" state. */
    private static void cleanMachine() throws Exception {
        Path empty = Files.createTempDirectory("riddance-tour-clean");
        Path data = Files.createTempDirectory("riddance-tour-clean-data");
        Host host = Hosts.sandbox(empty);
        AppContext context = new AppContext(host, data, new SessionStore(data, Clock.systemUTC()), Clock.systemUTC());
        WizardState state = new WizardState();
        Stage[] stage = new Stage[1];
        onFx(() -> {
            Themes.darkProperty().set(false);
            stage[0] = new Stage();
            WizardWindow window = new WizardWindow(context, state, FxDialogService::new,
                    services -> WizardSteps.standard(context, state, services));
            window.showIn(stage[0]);
            state.technicianNameProperty().set("José Müller");
            state.siteProperty().set("Acme Dental, Porto office");
            window.navigator().goTo(Step.DETECT);
        });
        waitFor(() -> state.scanReportProperty().get() != null);
        shoot(stage[0], "12-detect-clean-light");
    }

    private static void shoot(Stage stage, String name) throws InterruptedException {
        TourCamera.shoot(stage, out, name);
    }
}
