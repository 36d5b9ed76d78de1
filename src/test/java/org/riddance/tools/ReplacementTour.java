package org.riddance.tools;

import org.riddance.platform.TestPlatform;
import static org.riddance.tools.TourCamera.onFx;
import static org.riddance.tools.TourCamera.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.kordamp.ikonli.material2.Material2AL;
import org.riddance.engine.AppContext;
import org.riddance.journal.SessionStore;
import org.riddance.platform.AntivirusRegistration;
import org.riddance.platform.DefenderStatus;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryView;
import org.riddance.platform.SecurityCenter;
import org.riddance.protection.AntivirusCheck;
import org.riddance.protection.AntivirusRules;
import org.riddance.protection.EicarTest;
import org.riddance.protection.LocalClamd;
import org.riddance.session.Step;
import org.riddance.ui.FxDialogService;
import org.riddance.ui.Themes;
import org.riddance.ui.detect.DetectStep;
import org.riddance.ui.pending.UnavailableStep;
import org.riddance.ui.receipt.ReceiptStep;
import org.riddance.ui.replacement.ReplacementStep;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.riddance.ui.welcome.WelcomeStep;

/**
 * Screenshots of the replacement antivirus step: a Windows sandbox (Defender from its Get-MpComputerStatus
 * fixture, a stale Kaspersky entry) with an EICAR test nothing answers, and a Linux sandbox with a real clamd
 * whose database detects the EICAR file. Run with {@code src/tools/replacement-screenshots.sh}.
 */
public final class ReplacementTour {

    private static Path out;

    public static void main(String[] args) throws IOException {
        out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Application.launch(Window.class);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Themes.applyInitial();
            new Thread(() -> {
                try {
                    windows(stage);
                    clamav();
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    Platform.exit();
                }
            }, "tour").start();
        }
    }

    private static void windows(Stage stage) throws Exception {
        Path root = Files.createTempDirectory("riddance-tour-win");
        DefenderStatus defender;
        try (var in = ReplacementTour.class.getResourceAsStream("/org/riddance/protection/mpcomputerstatus-windows11.json")) {
            defender = TestPlatform.defender(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, RegistryView.NONE).withSecurityCenter(TestPlatform.securityCenter(List.of(
                new AntivirusRegistration("Kaspersky Endpoint Security for Windows", 266240,
                        "C:\\Program Files (x86)\\Kaspersky Lab\\KES.12.0.0\\avpui.exe", "{A1}"),
                new AntivirusRegistration("Windows Defender", 397568, "windowsdefender://",
                        "{D68DDC3A-831F-4fae-9E44-DA132C1ACF46}")), Optional.of(defender)));
        Clock clock = Clock.fixed(Instant.parse("2025-11-23T12:00:00Z"), ZoneOffset.UTC);
        Shown shown = show(stage, host, clock, Duration.ofSeconds(3));
        shoot(stage, "replacement-windows-light");
        onFx(() -> ((Button) stage.getScene().lookup("#run-eicar")).fire());
        waitFor(() -> !shown.state.isBusy() && shown.step.reportProperty().get().primary().orElseThrow().eicar().result()
                != org.riddance.protection.EicarOutcome.Result.NOT_RUN);
        shoot(stage, "replacement-eicar-missed-light");
        onFx(() -> Themes.toggle());
        shoot(stage, "replacement-eicar-missed-dark");
        onFx(() -> Themes.darkProperty().set(false));
    }

    private static void clamav() throws Exception {
        if (LocalClamd.missing().isPresent()) {
            System.out.println("skipped the ClamAV screenshots: " + LocalClamd.missing().get());
            return;
        }
        Path root = Files.createTempDirectory("riddance-tour-clamav");
        Files.createDirectories(root.resolve("proc/4242"));
        Files.writeString(root.resolve("proc/4242/comm"), "clamonacc\n"); // on-access scanning, as /proc would show it
        try (LocalClamd clamd = LocalClamd.start(root)) {
            Stage[] stage = new Stage[1];
            onFx(() -> stage[0] = new Stage());
            Shown shown = show(stage[0], Hosts.sandbox(root), Clock.systemUTC(), Duration.ofSeconds(30));
            onFx(() -> ((Button) stage[0].getScene().lookup("#run-eicar")).fire());
            waitFor(() -> !shown.state.isBusy() && shown.step.reportProperty().get().primary().orElseThrow().eicar().detected());
            shoot(stage[0], "replacement-clamav-pass-light");
        }
    }

    private record Shown(WizardState state, ReplacementStep step) {
    }

    private static Shown show(Stage stage, Host host, Clock clock, Duration eicarLimit) throws Exception {
        Path data = Files.createTempDirectory("riddance-tour-data");
        AppContext context = new AppContext(host, data, new SessionStore(data, Clock.systemUTC()), clock);
        WizardState state = new WizardState();
        ReplacementStep[] step = new ReplacementStep[1];
        WizardWindow[] window = new WizardWindow[1];
        onFx(() -> {
            window[0] = new WizardWindow(context, state, FxDialogService::new, services -> {
                step[0] = new ReplacementStep(context, state, services.dialogs(), services.recorder(),
                        AntivirusCheck.standard(), new AntivirusRules(context.catalog(), 7),
                        new EicarTest(eicarLimit, AntivirusCheck.CLAMD_TIMEOUT));
                return List.of(new WelcomeStep(state, host.os()), new DetectStep(context, state, services.dialogs(), services.recorder()),
                        new UnavailableStep(Step.BACKUP, Material2AL.ARCHIVE),
                        new UnavailableStep(Step.REMOVE, Material2AL.DELETE_SWEEP), step[0],
                        new ReceiptStep(context, state, services.dialogs(), services.recorder()));
            });
            window[0].showIn(stage);
            state.technicianNameProperty().set("José Müller");
            state.siteProperty().set("Acme Dental, Porto office");
            window[0].navigator().goTo(Step.DETECT);
        });
        waitFor(() -> state.scanReportProperty().get() != null && !state.isBusy());
        for (Step next : new Step[] {Step.BACKUP, Step.REMOVE, Step.REPLACEMENT}) {
            onFx(() -> window[0].navigator().goTo(next));
            waitFor(() -> !state.isBusy());
        }
        waitFor(() -> step[0].reportProperty().get() != null && !state.isBusy());
        return new Shown(state, step[0]);
    }

    /** Each shot shows the step from its top. */
    private static void shoot(Stage stage, String name) throws InterruptedException {
        TourCamera.onFx(() -> {
            if (stage.getScene().lookup("#step-scroll") instanceof ScrollPane scroll) {
                scroll.setVvalue(0);
            }
        });
        TourCamera.shoot(stage, out, name);
    }
}
