package org.riddance.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.riddance.platform.Hosts;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/** The live EICAR test against Microsoft Defender, where the runner has its real-time protection on. */
@EnabledOnOs(value = OS.WINDOWS, disabledReason = "needs a real Windows with Defender: runs in the Windows CI jobs")
class WindowsDefenderLiveTest {

    @Test
    void defenderWithRealTimeProtectionDetectsEicar() throws IOException {
        var host = Hosts.live();
        Optional<AntivirusProduct> defender = new WindowsProbe().probe(host, Instant.now(), Cancellation.none()).stream()
                .filter(p -> p.id().equals(WindowsProbe.DEFENDER_ID)).findFirst();
        assumeTrue(defender.isPresent() && defender.get().realTime() == Switch.ON,
                "Defender's real-time protection is off on this runner: the EICAR test would prove nothing");

        EicarOutcome outcome = new EicarTest(EicarTest.DEFAULT_LIMIT, EicarTest.DEFAULT_LIMIT)
                .run(defender.get(), Progress.NONE, Cancellation.none());

        assertThat(outcome.result()).as(outcome.detail()).isEqualTo(EicarOutcome.Result.DETECTED);
        assertThat(outcome.cleanedUp()).isTrue();
    }
}
