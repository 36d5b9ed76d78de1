package org.riddance.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.platform.OsFacts;
import org.riddance.platform.OsFamily;
import org.riddance.journal.entry.StepCompleted;
import org.riddance.journal.entry.StepEntered;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;

class SessionStoreTest {

    private static final OsFacts OS = new OsFacts(OsFamily.LINUX, "Debian GNU/Linux 12", "12", "amd64", "pc-042", "");
    private static final SessionInfo INFO = new SessionInfo("Ana Silva", "T-17", "Acme Dental", "INC-4711", "front desk PC");

    @Test
    void anUnclosedSessionIsOfferedAtTheStepWhereItStopped(@TempDir Path data) throws IOException {
        SessionStore store = new SessionStore(data, Clock.systemUTC());
        try (SessionJournal session = store.start(INFO, OS, "0.1.0")) {
            session.record(new StepEntered(Step.WELCOME.id()));
            session.record(new StepCompleted(Step.WELCOME.id()));
            session.record(new StepEntered(Step.DETECT.id()));
            session.record(new StepCompleted(Step.DETECT.id()));
            session.record(new StepEntered(Step.BACKUP.id()));
        } // the app quits without closing the session (crash, reboot)

        Optional<OpenSession> open = store.findOpen();

        assertThat(open).isPresent();
        assertThat(open.get().resumeStep()).isEqualTo(Step.BACKUP);
        assertThat(open.get().completedSteps()).containsExactlyInAnyOrder(Step.WELCOME, Step.DETECT);
        assertThat(open.get().info()).isEqualTo(INFO);
        assertThat(open.get().canContinue()).isTrue();

        try (SessionJournal resumed = store.resume(open.get())) {
            resumed.record(new StepEntered(Step.REMOVE.id()));
        }
        assertThat(store.findOpen().get().resumeStep()).isEqualTo(Step.REMOVE);
    }

    @Test
    void aClosedSessionIsNotOfferedAgain(@TempDir Path data) throws IOException {
        SessionStore store = new SessionStore(data, Clock.systemUTC());
        SessionJournal session = store.start(INFO, OS, "0.1.0");
        session.record(new StepEntered(Step.DETECT.id()));
        session.closeSession("completed");

        assertThat(store.findOpen()).isEmpty();
    }

    @Test
    void changedDetailsAreWhatResumeRestores(@TempDir Path data) throws IOException {
        SessionStore store = new SessionStore(data, Clock.systemUTC());
        SessionInfo corrected = new SessionInfo("Ana Silva", "T-17", "Acme Dental, Porto", "INC-4712", "");
        try (SessionJournal session = store.start(INFO, OS, "0.1.0")) {
            session.record(SessionJournal.details(corrected));
        }

        assertThat(store.findOpen().get().info()).isEqualTo(corrected);
    }

    @Test
    void aTamperedSessionIsReportedAndCanOnlyBeSetAside(@TempDir Path data) throws IOException {
        SessionStore store = new SessionStore(data, Clock.systemUTC());
        Path journalFile;
        try (SessionJournal session = store.start(INFO, OS, "0.1.0")) {
            session.record(new StepEntered(Step.DETECT.id()));
            session.record(new StepEntered(Step.BACKUP.id()));
            journalFile = session.journal().file();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(journalFile, StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace("detect", "remove"));
        Files.write(journalFile, lines, StandardCharsets.UTF_8);
        byte[] tampered = Files.readAllBytes(journalFile);

        OpenSession open = store.findOpen().get();
        assertThat(open.canContinue()).isFalse();
        assertThat(open.check().broken()).isPresent();

        store.setAside(open, "journal edited");
        assertThat(store.findOpen()).isEmpty();
        assertThat(Files.readAllBytes(journalFile)).as("evidence left untouched").isEqualTo(tampered);
    }

    @Test
    void theNewestOpenSessionWins(@TempDir Path data) throws IOException {
        SessionStore store = new SessionStore(data, Clock.systemUTC());
        String older;
        try (SessionJournal first = store.start(INFO, OS, "0.1.0")) {
            older = first.id();
        }
        store.setAside(store.findOpen().get(), "started afresh");
        try (SessionJournal second = store.start(INFO, OS, "0.1.0")) {
            second.record(new StepEntered(Step.DETECT.id()));
        }
        assertThat(store.findOpen().get().id()).isNotEqualTo(older);
    }
}
