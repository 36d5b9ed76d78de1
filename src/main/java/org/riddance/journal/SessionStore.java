package org.riddance.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.riddance.journal.entry.SessionClosed;
import org.riddance.journal.entry.SessionResumed;
import org.riddance.journal.entry.SessionStarted;
import org.riddance.journal.entry.StepCompleted;
import org.riddance.journal.entry.StepEntered;
import org.riddance.platform.OsFacts;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sessions kept in the data folder: {@code sessions/<id>/journal.jsonl}, newest id last. */
public final class SessionStore {

    public static final String JOURNAL = "journal.jsonl";
    /** Written instead of a journal record when a journal with a broken chain is set aside. */
    static final String SET_ASIDE = "set-aside.txt";
    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path sessionsDir;
    private final Clock clock;
    /** Made when a session is started, not when one is looked for: its set-up costs a command about 30 ms. */
    private SecureRandom random;

    public SessionStore(Path dataDir, Clock clock) {
        this.sessionsDir = dataDir.resolve("sessions");
        this.clock = clock;
    }

    public SessionJournal start(SessionInfo info, OsFacts os, String appVersion) throws IOException {
        return start(info, os, appVersion, false, "");
    }

    /**
     * @param demo the session works on the demo sandbox: its receipt says DEMO
     * @param root the sandbox root the session works on, empty for this machine: a command joins only a session
     *             of its own root
     */
    public SessionJournal start(SessionInfo info, OsFacts os, String appVersion, boolean demo, String root)
            throws IOException {
        String id = ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(randomBytes(3));
        Path dir = sessionsDir.resolve(id);
        Journal journal = Journal.create(dir.resolve(JOURNAL), clock);
        journal.append(new SessionStarted(id, os.hostname(), os.summary(), appVersion, info.technicianName(),
                info.technicianId(), info.site(), info.ticket(), info.notes(), demo, root));
        LOG.info("Started session {} in {}", id, dir);
        return new SessionJournal(id, dir, journal);
    }

    /** The newest session that was never closed, if any. */
    public Optional<OpenSession> findOpen() throws IOException {
        return findOpen(null);
    }

    /**
     * The newest session of {@code root} (empty for this machine, else the sandbox's folder) that was never closed;
     * {@code null} for any root.
     */
    public Optional<OpenSession> findOpen(String root) throws IOException {
        if (!Files.isDirectory(sessionsDir)) {
            return Optional.empty();
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(sessionsDir)) {
            dirs = list.filter(d -> Files.isRegularFile(d.resolve(JOURNAL)))
                    .sorted(Comparator.comparing((Path d) -> d.getFileName().toString()).reversed())
                    .toList();
        }
        for (Path dir : dirs) {
            if (Files.exists(dir.resolve(SET_ASIDE))) {
                continue;
            }
            JournalContents contents = JournalContents.read(dir.resolve(JOURNAL));
            if (contents.last(SessionClosed.class).isPresent()) {
                continue;
            }
            Optional<JournalRecord> started = contents.firstRecord(SessionStarted.class);
            if (started.isEmpty()) {
                LOG.warn("Session folder {} has no readable start record; skipped", dir);
                continue;
            }
            OpenSession open = describe(dir, contents, started.get());
            if (root == null || open.root().equals(root)) {
                return Optional.of(open);
            }
        }
        return Optional.empty();
    }

    /** Any session by its id, open or closed (a receipt can be signed again for the last one). */
    public Optional<OpenSession> find(String id) throws IOException {
        Path dir = sessionsDir.resolve(id);
        if (!id.matches("[0-9A-Za-z-]{1,64}") || !Files.isRegularFile(dir.resolve(JOURNAL))) {
            return Optional.empty();
        }
        JournalContents contents = JournalContents.read(dir.resolve(JOURNAL));
        return contents.firstRecord(SessionStarted.class).map(started -> describe(dir, contents, started));
    }

    /** The newest session of {@code root}, open or closed. */
    public Optional<OpenSession> newest(String root) throws IOException {
        if (!Files.isDirectory(sessionsDir)) {
            return Optional.empty();
        }
        List<String> ids;
        try (Stream<Path> list = Files.list(sessionsDir)) {
            ids = list.filter(d -> Files.isRegularFile(d.resolve(JOURNAL))).map(d -> d.getFileName().toString())
                    .sorted(Comparator.reverseOrder()).toList();
        }
        for (String id : ids) {
            Optional<OpenSession> session = find(id);
            if (session.isPresent() && session.get().root().equals(root)) {
                return session;
            }
        }
        return Optional.empty();
    }

    /** Reopens an open session to go on writing; a torn last line is repaired on the way. */
    public SessionJournal resume(OpenSession open) throws IOException {
        Journal journal = Journal.openForAppend(open.directory().resolve(JOURNAL), clock);
        journal.append(new SessionResumed(open.resumeStep().id()));
        return new SessionJournal(open.id(), open.directory(), journal);
    }

    /** The technician chose to start afresh: the old session stays on disk but is no longer offered. */
    public void setAside(OpenSession open, String why) throws IOException {
        if (open.canContinue()) {
            try (Journal journal = Journal.openForAppend(open.directory().resolve(JOURNAL), clock)) {
                journal.append(new SessionClosed("abandoned", why));
            }
        } else {
            // a broken chain is evidence: leave the journal untouched and note the decision beside it
            Files.writeString(open.directory().resolve(SET_ASIDE), clock.instant() + " " + why + System.lineSeparator());
        }
    }

    private synchronized byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        if (random == null) {
            random = new SecureRandom();
        }
        random.nextBytes(bytes);
        return bytes;
    }

    private static OpenSession describe(Path dir, JournalContents contents, JournalRecord started) {
        SessionInfo info = SessionJournal.info(contents);
        Step resume = contents.last(StepEntered.class).map(e -> Step.fromId(e.step())).orElse(Step.WELCOME);
        Set<Step> completed = EnumSet.noneOf(Step.class);
        contents.all(StepCompleted.class).forEach(e -> completed.add(Step.fromId(e.step())));
        return new OpenSession(dir.getFileName().toString(), dir, started.time(), info, resume, completed,
                contents.check(), started.as(SessionStarted.class).map(SessionStarted::root).orElse(""));
    }
}
