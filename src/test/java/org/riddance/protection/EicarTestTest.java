package org.riddance.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.work.Cancellation;

/**
 * How the drop-and-wait route judges what happens to the test file, and that it always cleans up. The remover
 * here is a thread doing what a real-time scanner does (delete the file); the live products are tested where they
 * run (ClamAV in ClamavIntegrationTest).
 */
class EicarTestTest {

    @TempDir
    Path watched;

    private static AntivirusProduct product(EicarRoute route) {
        return new AntivirusProduct("test", "Stand-in", "Nobody", "", "test", Switch.ON, Switch.ON, Optional.empty(),
                Optional.of(true), "", false, route, List.of());
    }

    private List<Path> leftOver() throws Exception {
        try (Stream<Path> files = Files.list(watched)) {
            return files.toList();
        }
    }

    @Test
    void aFileRemovedWithinTheLimitIsDetectedAndNothingIsLeft() throws Exception {
        Thread remover = new Thread(() -> {
            try {
                for (int i = 0; i < 200; i++) {
                    try (Stream<Path> dirs = Files.list(watched)) {
                        for (Path dir : dirs.toList()) {
                            Files.deleteIfExists(dir.resolve("eicar-test.com"));
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                // the test folder went away: done
            }
        });
        remover.setDaemon(true);
        remover.start();

        EicarOutcome outcome = new EicarTest(Duration.ofSeconds(10), Duration.ofSeconds(5))
                .run(product(EicarRoute.watching(watched)), (d, t, m) -> { }, Cancellation.none());

        assertThat(outcome.result()).isEqualTo(EicarOutcome.Result.DETECTED);
        assertThat(outcome.detail()).contains("removed the test file");
        assertThat(outcome.cleanedUp()).isTrue();
        assertThat(leftOver()).isEmpty();
    }

    @Test
    void aFileStillReadableAtTheLimitIsNotDetectedAndIsRemovedAfterwards() throws Exception {
        List<String> progress = new ArrayList<>();
        EicarOutcome outcome = new EicarTest(Duration.ofSeconds(1), Duration.ofSeconds(5))
                .run(product(EicarRoute.watching(watched)), (d, t, m) -> progress.add(m), Cancellation.none());

        assertThat(outcome.result()).isEqualTo(EicarOutcome.Result.NOT_DETECTED);
        assertThat(outcome.cleanedUp()).isTrue();
        assertThat(leftOver()).isEmpty();
        assertThat(progress).first().asString().contains("Writing");
        ProductVerdict verdict = new ProductVerdict(product(EicarRoute.watching(watched)), List.of(), outcome);
        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.advice()).containsExactly(AntivirusRules.EICAR);
    }

    @Test
    void cancellingWhileWaitingStopsAndStillCleansUp() throws Exception {
        Cancellation cancellation = Cancellation.none();
        EicarOutcome outcome = new EicarTest(Duration.ofSeconds(30), Duration.ofSeconds(5))
                .run(product(EicarRoute.watching(watched)), (d, t, m) -> {
                    if (m.startsWith("Waiting")) {
                        cancellation.cancel();
                    }
                }, cancellation);

        assertThat(outcome.result()).isEqualTo(EicarOutcome.Result.CANCELLED);
        assertThat(outcome.cleanedUp()).isTrue();
        assertThat(leftOver()).isEmpty();
    }

    @Test
    void aClamdThatCannotBeReachedIsAnErrorAndTheFileIsStillRemoved() throws Exception {
        EicarRoute route = new EicarRoute(Optional.of(watched),
                Optional.of(ClamdEndpoint.local(watched.resolve("no-such.sock"))));
        EicarOutcome outcome = new EicarTest(Duration.ofSeconds(5), Duration.ofSeconds(2))
                .run(product(route), (d, t, m) -> { }, Cancellation.none());

        assertThat(outcome.result()).isEqualTo(EicarOutcome.Result.ERROR);
        assertThat(outcome.cleanedUp()).isTrue();
        assertThat(leftOver()).isEmpty();
    }

    @Test
    void aProductTheTestCannotReachIsSaidSo() {
        EicarOutcome outcome = new EicarTest(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .run(product(EicarRoute.NONE), (d, t, m) -> { }, Cancellation.none());

        assertThat(outcome.result()).isEqualTo(EicarOutcome.Result.NOT_POSSIBLE);
    }
}
