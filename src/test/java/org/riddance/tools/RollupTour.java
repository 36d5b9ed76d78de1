package org.riddance.tools;

import static org.riddance.tools.TourCamera.onFx;
import static org.riddance.tools.TourCamera.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.riddance.app.WizardSteps;
import org.riddance.engine.AppContext;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Hosts;
import org.riddance.ui.Clipping;
import org.riddance.ui.FxDialogService;
import org.riddance.ui.OfficeStick;
import org.riddance.ui.Themes;
import org.riddance.ui.rollup.RollupView;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;

/**
 * Screenshots of the office roll-up window over a stick of real receipts ({@link OfficeStick}): read, filtered to
 * problems with the signing card open, and signed, after the wizard window whose header opens it; light and dark, at
 * 1366x768 and at 900x600. Exits non-zero when a
 * label is cut short. Run with {@code src/tools/rollup-screenshots.sh}.
 */
public final class RollupTour {

    private static final int[][] SIZES = {{1366, 768}, {900, 600}};
    private static Path out;
    private static final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Application.launch(Window.class);
        failures.forEach(f -> System.err.println("Roll-up tour: " + f));
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** The launched class must not be the main class: see the launcher's note on "runtime components are missing". */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Platform.setImplicitExit(false);
            new Thread(() -> {
                try {
                    Path work = Files.createTempDirectory("riddance-rollup-tour");
                    Path data = Files.createDirectories(work.resolve("data"));
                    OfficeStick office = OfficeStick.build(work, data);
                    for (int[] size : SIZES) {
                        for (boolean dark : new boolean[] {false, true}) {
                            tour(office, data, size[0], size[1], dark);
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    failures.add("the tour stopped: " + e);
                } finally {
                    Platform.exit();
                }
            }, "rollup-tour").start();
        }
    }

    private static void tour(OfficeStick office, Path data, int width, int height, boolean dark) throws Exception {
        String suffix = (dark ? "dark" : "light") + "-" + width + "x" + height;
        AppContext context = new AppContext(Hosts.sandbox(Files.createTempDirectory("riddance-tour-root")), data,
                new SessionStore(data, Clock.systemUTC()), Clock.systemUTC());
        AtomicReference<WizardWindow> wizard = new AtomicReference<>();
        AtomicReference<Stage> wizardStage = new AtomicReference<>();
        onFx(() -> {
            Themes.darkProperty().set(dark);
            Themes.applyInitial();
            WizardState state = new WizardState();
            state.siteProperty().set("Acme Dental, Porto office");
            wizard.set(new WizardWindow(context, state, FxDialogService::new,
                    services -> WizardSteps.standard(context, state, services)));
            wizardStage.set(new Stage());
            wizard.get().showIn(wizardStage.get());
        });
        Thread.sleep(1200);
        onFx(() -> {
            wizardStage.get().setWidth(width);
            wizardStage.get().setHeight(height);
        });
        shoot(wizardStage.get(), "19-wizard-header-with-rollup-" + suffix);
        onFx(() -> ((Button) wizardStage.get().getScene().lookup("#office-rollup")).fire());
        waitFor(() -> wizard.get().rollupWindow().isPresent());
        Stage rollup = wizard.get().rollupWindow().orElseThrow();
        RollupView view = (RollupView) rollup.getScene().lookup("#rollup-view");
        onFx(() -> {
            rollup.setWidth(width);
            rollup.setHeight(height);
            rollup.centerOnScreen();
            view.expect(office.inventory);
        });
        waitFor(() -> !((Button) rollup.getScene().lookup("#rollup-expect")).isDisabled());
        onFx(() -> view.open(office.stick));
        waitFor(() -> !((Button) rollup.getScene().lookup("#rollup-sign-open")).isDisabled());
        shoot(rollup, "20-rollup-read-" + suffix);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<Object> filter = (javafx.scene.control.ComboBox<Object>) rollup.getScene()
                    .lookup("#rollup-filter");
            filter.getSelectionModel().select(1);
            ((Button) rollup.getScene().lookup("#rollup-sign-open")).fire();
            ((PasswordField) rollup.getScene().lookup("#rollup-passphrase")).setText(OfficeStick.PASSPHRASE);
        });
        shoot(rollup, "21-rollup-problems-signing-" + suffix);
        onFx(() -> ((Button) rollup.getScene().lookup("#rollup-sign")).fire());
        waitFor(() -> rollup.getScene().lookup("#rollup-signed") != null);
        shoot(rollup, "22-rollup-signed-" + suffix);
        onFx(() -> {
            rollup.close();
            wizardStage.get().hide();
        });
    }

    private static void shoot(Stage stage, String name) throws Exception {
        Thread.sleep(300);
        List<String> clipped = new ArrayList<>();
        onFx(() -> clipped.addAll(Clipping.clippedIn(stage.getScene().getRoot())));
        clipped.forEach(c -> failures.add(name + ": clipped " + c));
        TourCamera.shoot(stage, out, name);
    }
}
