package org.riddance.protection;

import org.riddance.platform.TestPlatform;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.platform.AntivirusRegistration;
import org.riddance.platform.DefenderStatus;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OsFamily;
import org.riddance.platform.SecurityCenter;
import org.riddance.removal.RecordingRunner;
import org.riddance.work.Cancellation;

/**
 * After removal with no other antivirus on, Defender's definitions are updated with MpCmdRun before the check;
 * Defender switched off is reported with where to turn it on; another antivirus that is on leaves Defender alone.
 * productState values as Security Center reports them (0x61000: on, up to date; see ProductStateTest).
 */
class DefenderAfterRemovalTest {

    static final DefenderStatus ON = new DefenderStatus(true, true, true, 3, Optional.empty(), "1.421.0.0",
            "1.1.24090.11", "4.18.24090.11", "Normal", true);
    static final DefenderStatus REALTIME_OFF = new DefenderStatus(true, true, false, 3, Optional.empty(), "1.421.0.0",
            "1.1.24090.11", "4.18.24090.11", "Normal", true);
    static final AntivirusRegistration STALE_KES = new AntivirusRegistration("Kaspersky Endpoint Security for Windows",
            0x61000, "C:\\Program Files (x86)\\Kaspersky Lab\\KES\\avp.exe", "{86367591-4BE4-AE08-2FD9-7FCB8259CD98}");

    @TempDir
    Path root;
    RecordingRunner runner = new RecordingRunner();

    @Test
    void definitionsAreUpdatedWhenDefenderIsAllThatIsLeft() throws IOException {
        runner.answer(c -> c.argv().get(0).endsWith("MpCmdRun.exe"), 0);

        DefenderAfterRemoval.Outcome outcome = DefenderAfterRemoval.prepare(host(List.of(STALE_KES), ON), Cancellation.none());

        assertThat(outcome.updated()).isTrue();
        assertThat(outcome.advice()).isEmpty();
        assertThat(runner.seen()).singleElement().satisfies(c -> assertThat(c.argv()).containsExactly(
                root.resolve("C/Program Files/Windows Defender/MpCmdRun.exe").toString(), "-SignatureUpdate"));
    }

    @Test
    void realTimeProtectionOffIsReportedWithWhereToTurnItOn() throws IOException {
        runner.answer(c -> c.argv().get(0).endsWith("MpCmdRun.exe"), 2);

        DefenderAfterRemoval.Outcome outcome = DefenderAfterRemoval.prepare(host(List.of(), REALTIME_OFF), Cancellation.none());

        assertThat(outcome.updated()).isFalse();
        assertThat(outcome.advice()).hasValueSatisfying(a -> assertThat(a).contains("real-time protection is off",
                "Virus & threat protection"));
    }

    @Test
    void anotherAntivirusThatIsOnLeavesDefenderAlone() throws IOException {
        Files.createDirectories(root.resolve("C/Program Files/ESET/ESET Security"));
        Files.writeString(root.resolve("C/Program Files/ESET/ESET Security/ecmd.exe"), "stand-in");
        AntivirusRegistration eset = new AntivirusRegistration("ESET Security", 0x41000,
                "C:\\Program Files\\ESET\\ESET Security\\ecmd.exe", "{19259FAE-8396-A113-46DB-15B0E7DFA289}");

        DefenderAfterRemoval.Outcome outcome = DefenderAfterRemoval.prepare(host(List.of(eset), ON), Cancellation.none());

        assertThat(outcome.advice()).isEmpty();
        assertThat(runner.seen()).isEmpty();
    }

    private Host host(List<AntivirusRegistration> products, DefenderStatus defender) {
        return Hosts.sandbox(root, OsFamily.WINDOWS, new InMemoryRegistry()).withProcesses(runner)
                .withSecurityCenter(TestPlatform.securityCenter(products, Optional.of(defender)));
    }
}
