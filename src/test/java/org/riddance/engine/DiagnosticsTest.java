package org.riddance.engine;

import org.riddance.journal.entry.StepEntered;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;

class DiagnosticsTest {

    @Test
    void tellsVersionMachineDataFolderOpenSessionAndTheEndOfTheLog(@TempDir Path root, @TempDir Path data) throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_ID=\"12\"\n");
        Files.writeString(root.resolve("etc/hostname"), "reception-pc\n");
        Host host = Hosts.sandbox(root);
        AppContext context = new AppContext(host, data, new SessionStore(data, Clock.systemUTC()), Clock.systemUTC());
        try (SessionJournal session = context.sessions().start(new SessionInfo("Ana", "", "Acme", "", ""), host.os(), "t")) {
            session.record(new StepEntered(Step.BACKUP.id()));
        }
        Files.createDirectories(context.logDir());
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            log.append("2026-11-23 INFO line ").append(i).append('\n');
        }
        Files.writeString(context.logDir().resolve("riddance.log"), log);

        String text = Diagnostics.collect(context);

        assertThat(text).contains("Riddance " + AppVersion.version())
                .contains("Debian GNU/Linux 12 (bookworm)")
                .contains("reception-pc (sandbox ")
                .contains("Data folder: " + data)
                .contains("at step backup, journal intact")
                .contains("INFO line 1999")
                .doesNotContain("INFO line 0\n");
        assertThat(text.length()).isLessThan(Diagnostics.LOG_TAIL_BYTES + 2000);
    }
}
