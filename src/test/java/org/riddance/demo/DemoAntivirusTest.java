package org.riddance.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.platform.Hosts;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.protection.AntivirusCheck;
import org.riddance.protection.AntivirusReport;
import org.riddance.protection.AntivirusRules;
import org.riddance.protection.EicarOutcome;
import org.riddance.protection.EicarTest;
import org.riddance.protection.Switch;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * The demo's stand-in antivirus goes through the real check: dpkg installs its package into a sandbox, the
 * ClamAV probe reads clamd.conf and talks clamd's protocol to the stand-in, and the live EICAR test is run.
 */
class DemoAntivirusTest {

    @TempDir
    Path root;

    private Path emptyDebianRoot() throws IOException {
        assumeTrue(onPath("dpkg") && onPath("dpkg-deb"), "needs dpkg and dpkg-deb (Debian package dpkg)");
        for (String d : new String[] {"info", "updates", "triggers"}) {
            Files.createDirectories(root.resolve("var/lib/dpkg").resolve(d));
        }
        Files.writeString(root.resolve("var/lib/dpkg/status"), "");
        Files.writeString(root.resolve("var/lib/dpkg/available"), "");
        return root;
    }

    private AntivirusReport checkWithEicar() {
        AntivirusReport report = AntivirusCheck.standard().run(Hosts.sandbox(root),
                new AntivirusRules(CatalogLoader.builtIn(), AntivirusRules.DEFAULT_MAX_DEFINITIONS_AGE_DAYS),
                Clock.systemUTC(), Progress.NONE, Cancellation.none());
        return AntivirusCheck.withEicarTest(report, new EicarTest(Duration.ofSeconds(20), Duration.ofSeconds(10)),
                Progress.NONE, Cancellation.none());
    }

    @Test
    void theWorkingStandInPassesTheCheckWithALiveEicarTest() throws Exception {
        emptyDebianRoot();
        Optional<StandInClamd> clamd = DemoAntivirus.WORKING.installInto(root, new SystemProcessRunner(), Clock.systemUTC());
        try (StandInClamd running = clamd.orElseThrow()) {
            AntivirusReport report = checkWithEicar();

            assertThat(report.pass()).as(report.toString()).isTrue();
            var clamav = report.primary().orElseThrow();
            assertThat(clamav.product().name()).isEqualTo("ClamAV");
            assertThat(clamav.product().enabled()).isEqualTo(Switch.ON);
            assertThat(clamav.product().realTime()).isEqualTo(Switch.ON);
            assertThat(clamav.eicar().result()).isEqualTo(EicarOutcome.Result.DETECTED);
            assertThat(clamav.eicar().detail()).contains("Eicar-Signature FOUND");
            assertThat(clamav.eicar().cleanedUp()).isTrue();
            assertThat(Files.readString(root.resolve("var/lib/dpkg/status"))).contains("Package: clamav-daemon");
        }
    }

    @Test
    void theOutdatedStandInFailsOnItsDefinitionsAge() throws Exception {
        emptyDebianRoot();
        try (StandInClamd running = DemoAntivirus.OUTDATED.installInto(root, new SystemProcessRunner(),
                Clock.systemUTC()).orElseThrow()) {
            AntivirusReport report = checkWithEicar();

            assertThat(report.pass()).isFalse();
            assertThat(report.advice()).containsExactly(AntivirusRules.UPDATE);
        }
    }

    @Test
    void withNoneTheDemoPcHasNoAntivirusAndNothingIsStarted() throws Exception {
        emptyDebianRoot();
        assertThat(DemoAntivirus.NONE.installInto(root, new SystemProcessRunner(), Clock.systemUTC())).isEmpty();
        AntivirusReport report = checkWithEicar();
        assertThat(report.pass()).isFalse();
        assertThat(report.advice()).containsExactly(AntivirusRules.INSTALL);
    }

    @Test
    void closingTheStandInStopsItsPort() throws Exception {
        StandInClamd clamd = StandInClamd.start(Clock.systemUTC(), Duration.ofDays(1));
        new Socket(InetAddress.getLoopbackAddress(), clamd.port()).close();
        assertThat(clamd.running()).isTrue();
        clamd.close();
        // not "the port refuses": on a busy machine another program may take the freed port at once
        assertThat(clamd.running()).as("listening socket closed and its thread ended").isFalse();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
