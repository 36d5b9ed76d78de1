package org.riddance.tools;

import org.riddance.platform.TestPlatform;
import static org.riddance.tools.TourCamera.onFx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.riddance.engine.AppContext;
import org.riddance.demo.DemoAntivirus;
import org.riddance.demo.DemoSandbox;
import org.riddance.demo.StandInClamd;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.Privileges;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.session.Step;
import org.riddance.ui.Clipping;
import org.riddance.ui.DialogService;
import org.riddance.ui.FxDialogService;
import org.riddance.ui.Themes;
import org.riddance.app.WizardSteps;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.riddance.work.Cancellation;

/**
 * Walks the real wizard window through the whole demo (Remove now pressed, EICAR run, receipt signed, the Verify
 * screen opened, the receipt's paper code checked there) in the light and dark themes at 1366x768 and at the 900x600 minimum, and saves a PNG of each
 * screen. It fails (exit 1) when a screen cannot be reached, when two screens come out identical, or when a label
 * on any screen is cut short with "...". Run it with {@code src/tools/screenshots.sh}.
 */
public final class ScreenshotTour {

    private static final int[][] SIZES = {{1366, 768}, {900, 600}};
    private static Path out;
    private static final List<String> failures = new ArrayList<>();
    private static final Map<String, String> shotByPixels = new HashMap<>();

    public static void main(String[] args) throws IOException {
        out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Application.launch(Window.class);
        if (!failures.isEmpty()) {
            System.err.println("Screenshot tour FAILED:");
            failures.forEach(f -> System.err.println("  " + f));
            System.exit(1);
        }
        System.out.println("Screenshot tour: " + shotByPixels.size() + " distinct screens in " + out);
        System.exit(0);
    }

    /** The launched class must not be the main class: see the launcher's note on "runtime components are missing". */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Platform.setImplicitExit(false); // each tour closes its window; the next one opens another
            new Thread(() -> {
                try {
                    for (int[] size : SIZES) {
                        for (boolean dark : new boolean[] {false, true}) {
                            tour(size[0], size[1], dark);
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    failures.add("the tour stopped: " + e);
                } finally {
                    Platform.exit();
                }
            }, "tour").start();
        }
    }

    /** Answers the wizard's questions as a technician going ahead would; the rest are the real dialogs. */
    private static final class GoAhead implements DialogService {
        private final FxDialogService real;

        GoAhead(javafx.scene.layout.StackPane layer) {
            real = new FxDialogService(layer);
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public boolean confirm(String title, String message, String doIt, String keepSafe) {
            return true;
        }

        @Override
        public void showError(String title, Throwable error) {
            failures.add("error dialog: " + title + ": " + error);
        }

        @Override
        public void notify(String message) {
            real.notify(message);
        }

        @Override
        public void show(String title, Node content) {
            real.show(title, content);
        }

        @Override
        public void inform(String title, String message) {
            System.out.println("inform: " + title + " / " + message);
        }

        @Override
        public int choose(String title, String message, List<String> options) {
            return 0;
        }
    }

    private static void tour(int width, int height, boolean dark) throws Exception {
        String suffix = (dark ? "dark" : "light") + "-" + width + "x" + height;
        Path data = Files.createTempDirectory("riddance-tour");
        // the window opens at the size it remembers: the tour's size, in the data folder as the wizard keeps it
        Files.writeString(data.resolve("window.properties"), "width=" + width + "\nheight=" + height + "\n");
        Path demoRoot = Files.createTempDirectory("riddance-tour-root");
        SystemProcessRunner runner = new SystemProcessRunner();
        DemoSandbox.build(demoRoot, runner, Cancellation.none());
        try (StandInClamd clamd = DemoAntivirus.WORKING.installInto(demoRoot, runner, Clock.systemUTC()).orElseThrow()) {
            // not elevated, so the privilege banner shows as a technician without admin rights would see it
            Host host = Hosts.sandbox(demoRoot).withPrivileges(TestPlatform.privileges(false));
            AppContext context = new AppContext(host, data, new SessionStore(data, Clock.systemUTC()), Clock.systemUTC());
            WizardState state = new WizardState();
            Stage[] stages = new Stage[1];
            WizardWindow[] windows = new WizardWindow[1];
            onFx(() -> {
                Themes.darkProperty().set(dark);
                Themes.applyInitial();
                stages[0] = new Stage();
                windows[0] = new WizardWindow(context, state, GoAhead::new,
                        services -> WizardSteps.standard(context, state, services));
                windows[0].showIn(stages[0]);
            });
            Stage stage = stages[0];
            WizardWindow window = windows[0];
            walk(stage, state, window, suffix, data);
            window.recorder().flush().get(10, TimeUnit.SECONDS);
            onFx(stage::hide);
        }
    }

    private static void walk(Stage stage, WizardState state, WizardWindow window, String suffix, Path data)
            throws Exception {
        Thread.sleep(1500); // the window settles at its size
        shoot(stage, "01-welcome-empty-" + suffix, () -> true);
        onFx(() -> {
            state.technicianNameProperty().set("José Müller");
            state.siteProperty().set("Acme Dental, Porto office");
            state.ticketProperty().set("INC 4711");
        });
        shoot(stage, "02-welcome-filled-" + suffix, () -> window.navigator().canGoNextProperty().get());
        onFx(() -> window.navigator().next());
        shoot(stage, "03-detect-results-" + suffix, () -> state.scanReportProperty().get() != null && !state.isBusy());
        onFx(() -> {
            if (stage.getScene().lookup("#finding-kesl") instanceof javafx.scene.control.TitledPane card) {
                card.setExpanded(true);
            }
        });
        Thread.sleep(600); // the expand animation
        onFx(() -> scrollIntoView(stage.getScene(), stage.getScene().lookup("#finding-kesl"))); // below the fold at 900x600
        shoot(stage, "04-detect-evidence-" + suffix, () -> stage.getScene().lookup("#finding-kesl")
                instanceof javafx.scene.control.TitledPane card && card.isExpanded());
        onFx(() -> window.navigator().next());
        shoot(stage, "05-backup-plan-" + suffix, () -> !state.isBusy() && state.currentStep() == Step.BACKUP
                && stage.getScene().lookup("#backup-plan") instanceof javafx.scene.control.TreeView<?> tree
                && tree.getRoot() != null);
        Path stick = Files.createTempDirectory("riddance-tour-stick");
        onFx(() -> ((javafx.scene.control.ComboBox<Path>) stage.getScene().lookup("#backup-destination")).setValue(stick));
        onFx(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#backup-start")).fire());
        shoot(stage, "06-backup-verified-" + suffix, () -> !state.isBusy() && stage.getScene().lookup("#backup-result") != null
                && window.navigator().canGoNextProperty().get());
        onFx(() -> window.navigator().next());
        shoot(stage, "07-remove-plan-" + suffix, () -> !state.isBusy() && state.currentStep() == Step.REMOVE
                && stage.getScene().lookup("#remove-start") instanceof javafx.scene.control.Button b && !b.isDisabled());
        onFx(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#remove-start")).fire());
        shoot(stage, "08-remove-finished-" + suffix, () -> !state.isBusy() && window.navigator().canGoNextProperty().get());
        onFx(() -> window.navigator().next());
        shoot(stage, "09-replacement-checked-" + suffix, () -> !state.isBusy() && state.currentStep() == Step.REPLACEMENT
                && window.navigator().canGoNextProperty().get());
        onFx(() -> {
            if (stage.getScene().lookup("#run-eicar") instanceof javafx.scene.control.Button eicar && !eicar.isDisabled()) {
                eicar.fire();
            }
        });
        shoot(stage, "10-replacement-eicar-" + suffix, () -> !state.isBusy());
        onFx(() -> window.navigator().next());
        shoot(stage, "11-receipt-key-" + suffix, () -> state.currentStep() == Step.RECEIPT
                && stage.getScene().lookup("#passphrase") != null);
        onFx(() -> {
            ((javafx.scene.control.PasswordField) stage.getScene().lookup("#passphrase")).setText("correct horse");
            if (stage.getScene().lookup("#passphrase-again") instanceof javafx.scene.control.PasswordField again) {
                again.setText("correct horse");
            }
            // on first use the key is created on its own, then the reviewed receipt is signed
            if (stage.getScene().lookup("#create-key") instanceof javafx.scene.control.Button create && create.isVisible()) {
                create.fire();
            }
        });
        for (int i = 0; i < 300 && onFxValue(() -> state.isBusy()
                || ((javafx.scene.control.Button) stage.getScene().lookup("#sign-receipt")).isDisabled()); i++) {
            Thread.sleep(100);
        }
        onFx(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#sign-receipt")).fire());
        shoot(stage, "12-receipt-signed-" + suffix, () -> stage.getScene().lookup("#receipt-preview")
                instanceof javafx.scene.image.ImageView view && view.getImage() != null);
        Platform.runLater(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#verify-receipt")).fire());
        Thread.sleep(1500); // the dialog runs its own event loop; don't wait on it
        javafx.stage.Window verify = javafx.stage.Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w instanceof Stage).findFirst().orElse(null);
        if (verify == null) {
            failures.add("13-verify-" + suffix + ": the Verify screen did not open");
        } else {
            shoot((Stage) verify, "13-verify-" + suffix, () -> true);
            // the code printed on the signed receipt, pasted as a QR reader gives it, and checked
            String code = paperCode(data);
            onFx(() -> ((javafx.scene.control.TextArea) verify.getScene().lookup("#verify-qr-text")).setText(code));
            onFx(() -> ((javafx.scene.control.Button) verify.getScene().lookup("#verify-check-text")).fire());
            shoot((Stage) verify, "14-verify-checked-" + suffix, () -> verify.getScene().lookup("#verify-summary")
                    instanceof javafx.scene.control.Label line && !line.getText().isEmpty());
            Platform.runLater(((Stage) verify)::close);
            Thread.sleep(300);
        }
    }

    /** The QR text of the receipt this session signed, as the PDF prints it. */
    private static String paperCode(Path data) throws IOException {
        Path receipts = data.resolve("receipts");
        try (java.util.stream.Stream<Path> files = Files.walk(receipts)) {
            Path json = files.filter(f -> f.toString().endsWith(org.riddance.receipt.SignedReceipt.JSON)).findFirst()
                    .orElseThrow(() -> new IOException("no signed receipt under " + receipts));
            org.riddance.receipt.SignedReceipt receipt = org.riddance.receipt.SignedReceipt.read(json);
            Object key = new com.fasterxml.jackson.databind.ObjectMapper().readValue(receipt.payload(), Map.class)
                    .get(org.riddance.receipt.ReceiptPayload.KEY);
            return org.riddance.receipt.QrPayload.encode(receipt, String.valueOf(key));
        }
    }

    /** Scrolls the step's page so that {@code node} starts at the top of what shows. */
    private static void scrollIntoView(Scene scene, Node node) {
        if (node != null && scene.lookup("#step-scroll") instanceof javafx.scene.control.ScrollPane pane) {
            double top = pane.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            double room = pane.getContent().getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, top - 8) / room));
        }
    }

    /** Waits up to two minutes for the screen, then checks it for clipped labels and saves it. */
    private static void shoot(Stage stage, String name, BooleanSupplier reached) throws Exception {
        boolean ok = false;
        for (int i = 0; i < 1200 && !(ok = onFxValue(reached)); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(600);
        if (!ok) {
            failures.add(name + ": not reached within two minutes");
        }
        List<String> clipped = onFxList(() -> Clipping.clippedIn(stage.getScene().getRoot()));
        clipped.forEach(c -> failures.add(name + ": clipped " + c));
        String pixels = TourCamera.shootAndHash(stage, out, name);
        String earlier = shotByPixels.putIfAbsent(pixels, name);
        if (earlier != null) {
            failures.add(name + ": identical to " + earlier);
        }
    }

    private static boolean onFxValue(BooleanSupplier condition) throws InterruptedException {
        boolean[] value = new boolean[1];
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                value[0] = condition.getAsBoolean();
            } finally {
                done.countDown();
            }
        });
        done.await(10, TimeUnit.SECONDS);
        return value[0];
    }

    private static List<String> onFxList(java.util.function.Supplier<List<String>> supplier) throws InterruptedException {
        List<String> result = new ArrayList<>();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.addAll(supplier.get());
            } finally {
                done.countDown();
            }
        });
        done.await(10, TimeUnit.SECONDS);
        return result;
    }

    static Scene sceneOf(Stage stage) {
        return stage.getScene();
    }
}
