package org.riddance.tools;

import static org.riddance.tools.TourCamera.onFx;
import static org.riddance.tools.TourCamera.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.riddance.engine.AppContext;
import org.riddance.demo.DemoSandbox;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegFileParser;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.receipt.ReceiptBuilder;
import org.riddance.removal.RecordingRunner;
import org.riddance.removal.StandInMsiexec;
import org.riddance.session.Step;
import org.riddance.ui.DialogService;
import org.riddance.ui.FxDialogService;
import org.riddance.ui.Themes;
import org.riddance.app.WizardSteps;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.riddance.work.Cancellation;

/**
 * The Remove step as the technician sees it: locked, the plan, a finished removal on the demo sandbox, and on a
 * Windows sandbox (msiexec answered by a recording runner) the password dialog and the restart banner.
 * Run: {@code xvfb-run -a java -cp ... org.riddance.tools.RemoveStepTour docs/images}.
 */
public final class RemoveStepTour {

    private static Path out;

    public static void main(String[] args) throws IOException {
        out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Application.launch(App.class);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Platform.setImplicitExit(false); // the tour opens one window after another
            new Thread(() -> {
                try {
                    linux();
                    windows();
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    Platform.exit();
                }
            }, "tour").start();
        }
    }

    /** The real dialogs, except that "Remove n items?" is answered yes so the tour can go on. */
    static DialogService dialogs(StackPane layer) {
        FxDialogService real = new FxDialogService(layer);
        return new DialogService() {
            public boolean confirm(String title, String message) {
                return true;
            }

            public void showError(String title, Throwable error) {
                real.showError(title, error);
            }

            public void notify(String message) {
                real.notify(message);
            }

            public void show(String title, javafx.scene.Node content) {
                real.show(title, content);
            }

            public void inform(String title, String message) {
                real.inform(title, message);
            }

            public int choose(String title, String message, List<String> options) {
                return real.choose(title, message, options);
            }

            public Optional<Credentials> askPassword(String title, String message, Optional<String> account) {
                return real.askPassword(title, message, account);
            }
        };
    }

    static void linux() throws Exception {
        Path root = Files.createTempDirectory("riddance-tour-root");
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        // the locked state (docs/images/remove-locked-light.png) is what RemoveStepTest's standalone view shows;
        // through the wizard the Back up step already holds Next until there is a backup or a waiver
        Opened w = open(Hosts.sandbox(root), "customer keeps no settings (tour)");
        shoot(w.stage, "remove-plan-light");
        onFx(() -> ((Button) w.stage.getScene().lookup("#remove-start")).fire());
        waitFor(() -> !w.state.isBusy() && banner(w.stage).startsWith("Removal finished"));
        shoot(w.stage, "remove-done-light");
        onFx(Themes::toggle);
        shoot(w.stage, "remove-done-dark");
        onFx(Themes::toggle);
        onFx(w.stage::close);
    }

    static void windows() throws Exception {
        Path root = Files.createTempDirectory("riddance-tour-windows");
        Files.createDirectories(root.resolve("proc/sys/kernel/random"));
        Files.writeString(root.resolve("proc/sys/kernel/random/boot_id"), "tour-boot\n");
        InMemoryRegistry registry = RegFileParser.parse(Path.of("src/test/resources/registry/kaspersky-kes-windows.reg"));
        RecordingRunner runner = new RecordingRunner();
        org.riddance.platform.Host host = Hosts.sandbox(root, OsFamily.WINDOWS, registry).withProcesses(runner);
        // KES asks for the password the tour types; Network Agent's uninstall needs a restart to finish
        runner.otherwise(new StandInMsiexec(registry, host.files())
                .installed(StandInMsiexec.kes().withRequired(java.util.Map.of("KLLOGIN", "KLAdmin", "KLPASSWD", "tour-password")))
                .installed(StandInMsiexec.agent().endingWith(3010)));
        Opened w = open(host, "the customer's IT keeps a nightly image of this PC (tour)");
        Platform.runLater(() -> ((Button) w.stage.getScene().lookup("#remove-start")).fire());
        waitFor(() -> Window.getWindows().size() > 1);
        Thread.sleep(800);
        Stage dialog = (Stage) Window.getWindows().stream().filter(x -> x != w.stage).findFirst().orElseThrow();
        onFx(() -> ((PasswordField) dialog.getScene().lookup("#password-field")).setText("tour-password"));
        shoot(dialog, "remove-password-dialog-light");
        onFx(() -> dialog.getScene().getRoot().lookupAll(".button").stream().map(Button.class::cast)
                .filter(Button::isDefaultButton).findFirst().orElseThrow().fire());
        waitFor(() -> !w.state.isBusy() && banner(w.stage).startsWith("Restart"));
        shoot(w.stage, "remove-reboot-light");
    }

    record Opened(Stage stage, WizardWindow window, WizardState state) {
    }

    static Opened open(Host host, String waiverReason) throws Exception {
        Path data = Files.createTempDirectory("riddance-tour-data");
        AppContext context = new AppContext(host, data, new SessionStore(data, Clock.systemUTC()), Clock.systemUTC());
        WizardState state = new WizardState();
        Stage[] stage = new Stage[1];
        WizardWindow[] window = new WizardWindow[1];
        onFx(() -> {
            Themes.applyInitial();
            Themes.darkProperty().set(false);
            stage[0] = new Stage();
            window[0] = new WizardWindow(context, state, RemoveStepTour::dialogs,
                    services -> WizardSteps.standard(context, state, services));
            window[0].showIn(stage[0]);
            stage[0].setHeight(1040); // tall enough to show the plan and the log together
            state.technicianNameProperty().set("José Müller");
            state.siteProperty().set("Acme Dental, Porto office");
            state.ticketProperty().set("INC-4711");
            window[0].navigator().goTo(Step.DETECT);
        });
        waitFor(() -> state.scanReportProperty().get() != null && !state.isBusy());
        window[0].recorder().awaitSession().waiveBackup(waiverReason);
        onFx(() -> window[0].navigator().goTo(Step.BACKUP));
        waitFor(() -> !state.isBusy());
        onFx(() -> window[0].navigator().goTo(Step.REMOVE));
        waitFor(() -> stage[0].getScene().lookup("#remove-banner") != null || stage[0].getScene().lookup("#gate-open") != null);
        return new Opened(stage[0], window[0], state);
    }

    private static String banner(Stage stage) {
        javafx.scene.Node node = stage.getScene().lookup("#remove-banner");
        return node instanceof Label label ? label.getText() : "";
    }

    private static void shoot(Stage stage, String name) throws InterruptedException {
        TourCamera.shoot(stage, out, name);
    }
}
