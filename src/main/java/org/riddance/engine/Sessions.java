package org.riddance.engine;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.riddance.journal.OpenSession;
import java.nio.file.Path;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionLock;
import org.riddance.detect.Detector;
import org.riddance.detect.ScanReport;
import org.riddance.protection.AntivirusCheck;
import org.riddance.protection.AntivirusReport;
import org.riddance.protection.AntivirusRules;
import org.riddance.protection.EicarTest;
import org.riddance.removal.Passwords;
import org.riddance.removal.RemovalPlan;
import org.riddance.removal.RemovalPlanner;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * How a face gets its remediation session: the wizard starts or continues one; a command joins the open session of
 * its data folder and root (so {@code backup}, {@code remove}, {@code check-av} and {@code receipt sign} run one
 * after another build one receipt) or starts one. A journal whose chain is broken is never continued and never
 * passed over in silence: it is reported, set aside (left exactly as it is, as evidence) and a new session begins.
 */
public final class Sessions {

    private final AppContext context;
    private final Consumer<String> problems;

    /** @param problems where a broken journal is reported (stderr and the JSON result, a dialog) */
    public Sessions(AppContext context, Consumer<String> problems) {
        this.context = context;
        this.problems = problems;
    }

    /** The open session of this data folder and root that can be continued; a broken one is reported and set aside. */
    public Optional<OpenSession> findOpen() throws IOException {
        Optional<OpenSession> open = context.sessions().findOpen(rootKey());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        if (!open.get().canContinue()) {
            problems.accept(broken(open.get()));
            context.sessions().setAside(open.get(), "its journal's chain is broken; a new session was started");
            return Optional.empty();
        }
        return open;
    }

    /** The technician chose to start afresh: the old session stays on disk but is no longer offered. */
    public void setAside(OpenSession open, String why) throws IOException {
        context.sessions().setAside(open, why);
    }

    public Remediation start(SessionInfo info) throws IOException {
        SessionLock lock = lock();
        try {
            SessionJournal journal = context.sessions().start(info, context.host().os(), AppVersion.version(),
                    context.demo(), rootKey());
            return new Remediation(context, journal, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Remediation resume(OpenSession open) throws IOException {
        SessionLock lock = lock();
        try {
            return new Remediation(context, context.sessions().resume(open), lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * One run at a time on a data folder and root: a second one (another window, a command, a fleet tool's run)
     * is told who holds it instead of racing it through the back-up or the package tools.
     */
    private SessionLock lock() throws IOException {
        Path root = context.host().isSandbox() ? context.host().files().root() : Path.of("/");
        return SessionLock.acquire(context.dataDir(), root, "Riddance session on " + (context.host().isSandbox()
                ? root : "this machine"), context.clock());
    }

    /** The open session if there is one (its facts updated with {@code facts} when given), else a new one. */
    public Remediation joinOrStart(Optional<SessionInfo> facts) throws IOException {
        Optional<OpenSession> open = findOpen();
        if (open.isEmpty()) {
            return start(facts.orElse(new SessionInfo("", "", "", "", "")));
        }
        Remediation session = resume(open.get());
        if (facts.isPresent()) {
            session.updateInfo(facts.get());
        }
        return session;
    }

    /** The open session, if any: for commands that only add to one (a lone {@code scan} or {@code check-av} starts none). */
    public Optional<Remediation> join() throws IOException {
        Optional<OpenSession> open = findOpen();
        return open.isPresent() ? Optional.of(resume(open.get())) : Optional.empty();
    }

    /** A session by id, or the newest one, open or closed, of this data folder: to sign (again) its receipt. */
    public Optional<Remediation> reopen(Optional<String> id) throws IOException {
        Optional<OpenSession> session = id.isPresent() ? context.sessions().find(id.get())
                : context.sessions().newest(rootKey());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        if (!session.get().canContinue()) {
            problems.accept(broken(session.get()));
            return Optional.empty();
        }
        return Optional.of(resume(session.get()));
    }

    /** A scan: recorded into the open session if there is one; a lone scan (a look, not a remediation) starts none. */
    public ScanReport scan(Progress progress, Cancellation cancel) throws IOException {
        Optional<Remediation> open = join();
        if (open.isEmpty()) {
            return Detector.standard(context.clock()).scan(context.host(), context.catalog(), progress, cancel);
        }
        try (Remediation session = open.get()) {
            return session.scan(progress, cancel);
        }
    }

    /** The removal plan for what is there now, with no session: a dry run changes and records nothing. */
    public RemovalPlan planRemoval(Passwords passwords, Cancellation cancel) {
        ScanReport scan = Detector.standard(context.clock()).scan(context.host(), context.catalog(), Progress.NONE, cancel);
        return new RemovalPlanner(context.catalog(), context.host(),
                context.dataDir().resolve("sessions").resolve("<new-session>")).plan(scan.findings(), passwords);
    }

    /** The replacement check, recorded into the open session if there is one. */
    public Checked checkReplacement(int maxDefinitionsAgeDays, Optional<EicarTest> eicar, Progress progress,
                                    Cancellation cancel) throws IOException {
        Optional<Remediation> open = join();
        AntivirusRules rules = new AntivirusRules(context.catalog(), maxDefinitionsAgeDays);
        if (open.isEmpty()) {
            return new Checked(Remediation.check(context, AntivirusCheck.standard(), rules, eicar, progress, cancel),
                    Optional.empty());
        }
        try (Remediation session = open.get()) {
            return new Checked(session.checkReplacement(rules, eicar, progress, cancel), Optional.of(session.id()));
        }
    }

    /** @param session the session the check was recorded in, if one was open */
    public record Checked(AntivirusReport report, Optional<String> session) {
    }

    /** Sessions are kept per root: the live machine's and each sandbox's never mix. */
    private String rootKey() {
        return context.host().isSandbox() ? context.host().files().root().toAbsolutePath().normalize().toString() : "";
    }

    static String broken(OpenSession session) {
        return "The journal of session " + session.id() + " was changed after it was written ("
                + session.check().broken().map(Object::toString).orElse("chain broken") + "). It is kept unchanged as "
                + "evidence in " + session.directory() + " and will not be continued: keep that folder for whoever "
                + "investigates; Riddance starts a new session, and its receipt will not cover the earlier work.";
    }
}
