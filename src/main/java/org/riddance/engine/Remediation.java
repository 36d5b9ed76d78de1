package org.riddance.engine;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.riddance.backup.ArchiveCheck;
import org.riddance.backup.ArchiveVerifier;
import org.riddance.backup.BackupException;
import org.riddance.backup.BackupPlan;
import org.riddance.backup.BackupPlanner;
import org.riddance.backup.BackupRecords;
import org.riddance.backup.BackupWriter;
import org.riddance.backup.ReadBack;
import org.riddance.backup.WrittenBackup;
import org.riddance.detect.Detector;
import org.riddance.detect.FindingsExport;
import org.riddance.detect.ScanJournal;
import org.riddance.detect.ScanReport;
import org.riddance.journal.JournalContents;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionLock;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.entry.BackupFailed;
import org.riddance.journal.entry.BackupVerified;
import org.riddance.journal.entry.BackupWaived;
import org.riddance.journal.entry.RemovalCompleted;
import org.riddance.journal.entry.RemovalPlanned;
import org.riddance.journal.entry.StepAttention;
import org.riddance.journal.entry.StepCompleted;
import org.riddance.journal.entry.StepEntered;
import org.riddance.protection.AntivirusCheck;
import org.riddance.protection.AntivirusJournal;
import org.riddance.protection.AntivirusReport;
import org.riddance.protection.DefenderAfterRemoval;
import org.riddance.protection.AntivirusRules;
import org.riddance.protection.EicarTest;
import org.riddance.receipt.ReceiptBuilder;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.receipt.ReceiptPayload;
import org.riddance.receipt.SigningKey;
import java.util.function.BooleanSupplier;
import org.riddance.removal.BackupGate;
import org.riddance.removal.Kavremover;
import org.riddance.removal.Passwords;
import org.riddance.removal.RemovalLog;
import org.riddance.removal.RemovalPlan;
import org.riddance.removal.RemovalReport;
import org.riddance.removal.RemovalSession;
import org.riddance.removal.RestartRegistration;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * One remediation session: its journal, the Welcome facts, and the work in its order (scan, back-up plan, back-up,
 * gate, removal with its rescan, replacement check, receipt). The wizard's steps, every command and the unattended
 * run call these methods and nothing else, so each journals the same records in the same way.
 *
 * <p>Methods that take a while report to a {@link Progress} and stop at a safe point when their {@link Cancellation}
 * is cancelled; they run on the caller's thread (a worker thread in the wizard).
 */
public final class Remediation implements Closeable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Remediation.class);

    private final AppContext context;
    private final SessionJournal journal;
    private final SessionLock lock;
    private final Detector detector;
    private volatile ScanReport lastScan;

    /** @param lock this data folder's and root's lock, held until {@link #close()}: one run works on a machine at a time */
    Remediation(AppContext context, SessionJournal journal, SessionLock lock) {
        this.context = context;
        this.journal = journal;
        this.lock = lock;
        this.detector = Detector.standard(context.clock());
    }

    public String id() {
        return journal.id();
    }

    /** The session's own folder: journal, findings, uninstaller logs; all of it goes into the evidence bundle. */
    public Path folder() {
        return journal.directory();
    }

    /** Everything journaled so far, read back and checked. */
    public JournalContents contents() throws IOException {
        return journal.contents();
    }

    public SessionInfo info() throws IOException {
        return SessionJournal.info(contents());
    }

    /** Records changed Welcome facts; the same facts again are not recorded twice. */
    public void updateInfo(SessionInfo info) throws IOException {
        if (!Objects.equals(info, info())) {
            journal.record(SessionJournal.details(info));
        }
    }

    /** The wizard showed a step. */
    public void entered(Step step) throws IOException {
        journal.record(new StepEntered(step.id()));
    }

    /** The wizard left a step, its work done or with something still to look at. */
    public void left(Step step, boolean done) throws IOException {
        journal.record(done ? new StepCompleted(step.id()) : new StepAttention(step.id()));
    }

    // --- 1. Detect ---

    /** Scans the machine and journals what was found; the back-up plan and removal work from this scan. */
    public ScanReport scan(Progress progress, Cancellation cancel) throws IOException {
        ScanReport report = detector.scan(context.host(), context.catalog(), progress, cancel);
        journal.record(ScanJournal.summary(report, context.catalog()));
        java.nio.file.Files.writeString(folder().resolve("findings.json"),
                FindingsExport.toJson(report, context.catalog().source()), java.nio.charset.StandardCharsets.UTF_8);
        lastScan = report;
        return report;
    }

    /** The last scan of this run; scans first if there was none. */
    public ScanReport lastScan(Progress progress, Cancellation cancel) throws IOException {
        ScanReport report = lastScan;
        return report != null ? report : scan(progress, cancel);
    }

    // --- 2. Back up ---

    public BackupPlan planBackup(Progress progress, Cancellation cancel) throws IOException {
        ScanReport report = lastScan(Progress.NONE, cancel);
        return new BackupPlanner(context.host(), context.catalog()).plan(report.findings(), progress, cancel);
    }

    /** What a back-up left: the read-back's verdict, and whether the archive could be made readable by its owner only. */
    public record BackupOutcome(ArchiveCheck check, WrittenBackup written) {
        public boolean verified() {
            return check.intact();
        }
    }

    /**
     * Writes the archive into {@code destination} and reads it back. The journal says where things stand at every
     * point: started before the first byte, then verified or failed, so a crash in between is found next time.
     */
    public BackupOutcome backUp(BackupPlan plan, Path destination, Progress progress, Cancellation cancel)
            throws IOException {
        BackupWriter writer = new BackupWriter(context.host(), context.clock(), AppVersion.version());
        Path archive = writer.archiveIn(destination);
        journal.record(BackupRecords.started(archive.toString(), plan));
        try {
            WrittenBackup written = writer.write(plan, archive, id(), progress, cancel);
            progress.update(-1, -1, "Reading the archive back");
            ArchiveCheck check = ReadBack.verify(written, context.host(), progress, cancel);
            journal.record(check.intact() ? BackupRecords.verified(check)
                    : new BackupFailed(String.join("; ", check.problems())));
            return new BackupOutcome(check, written);
        } catch (Cancellation.CancelledException e) {
            journal.record(new BackupFailed("cancelled by the technician"));
            throw e;
        } catch (BackupException | RuntimeException e) {
            journal.record(new BackupFailed(String.valueOf(e.getMessage())));
            throw e;
        }
    }

    /** Checks an archive made earlier in this session or by {@code backup}, and journals it as this session's back-up. */
    public ArchiveCheck acceptArchive(Path archive, Progress progress, Cancellation cancel) throws IOException {
        ArchiveCheck check = ArchiveVerifier.verify(archive, progress, cancel);
        if (check.intact()) {
            journal.record(BackupRecords.verified(check));
        }
        return check;
    }

    public void waiveBackup(String reason) throws IOException {
        journal.record(BackupRecords.waived(reason));
    }

    /** The archive a back-up of this session was writing when it stopped without an end: the one way to tell. */
    public Optional<Path> interruptedBackup() throws IOException {
        return BackupRecords.interrupted(contents()).map(Path::of);
    }

    /** Removes the half-written file of an interrupted back-up (only ever a {@code .partial}) and journals it. */
    public void clearInterruptedBackup() throws IOException {
        Optional<Path> archive = interruptedBackup();
        Optional<Path> partial = archive.map(a -> a.resolveSibling(a.getFileName() + BackupWriter.PARTIAL));
        if (partial.isPresent() && org.riddance.backup.LivePartial.isLive(partial.get())) {
            return; // another run is writing it right now: its work, not an interrupted back-up
        }
        if (archive.isPresent()) {
            java.nio.file.Files.deleteIfExists(partial.get());
            journal.record(new BackupFailed("interrupted; the partial archive was removed"));
        }
    }

    /** Whether removal may run: a verified back-up or a waiver on record. */
    public BackupGate.Decision backupGate() throws IOException {
        return BackupGate.check(contents().records());
    }

    // --- 3. Remove ---

    public RemovalPlan planRemoval(Passwords passwords) throws IOException {
        return removal(RemovalHandlers.unattended(), Relaunch.none()).planner()
                .plan(lastScan(Progress.NONE, Cancellation.none()).findings(), passwords);
    }

    /** Removal began in this session and has not ended: a run after a crash or a restart goes on with it. */
    public boolean removalUnderWay() throws IOException {
        JournalContents journal = contents();
        return journal.last(RemovalPlanned.class).isPresent() && journal.last(RemovalCompleted.class).isEmpty();
    }

    /** True when a restart is still owed: removal asked for one and this is the same boot. */
    public boolean waitingForRestart() throws IOException {
        return removal(RemovalHandlers.unattended(), Relaunch.none()).waitingForRestart();
    }

    /**
     * Removes what the last scan found, behind the back-up gate, then proves it by rescanning. When a restart is
     * needed it registers {@code relaunch} to run after it and returns with {@link RemovalReport#rebootPending()}.
     *
     * @param relaunch how Riddance is to be started again after a restart (the arguments, not the program)
     * @throws IllegalStateException when the gate is closed (no verified back-up and no waiver)
     */
    public RemovalReport remove(Passwords passwords, RemovalHandlers handlers, Relaunch relaunch, Progress progress,
                                Cancellation cancel) throws IOException {
        BackupGate.Decision gate = backupGate();
        if (!gate.open()) {
            throw new IllegalStateException("Removal refused: " + gate.why());
        }
        boolean starting = !removalUnderWay(); // checked when removal begins; after a restart the stick may be gone
        ScanReport report = scan(Progress.NONE, cancel); // what is there now, not what was there before the back-up
        Optional<BackupVerified> archive = archiveInForce();
        if (starting && archive.isPresent()) {
            RemovalPlan plan = removal(handlers, relaunch).planner().plan(report.findings(), passwords);
            BackupGate.Coverage coverage = BackupGate.check(Path.of(archive.get().archive()), context.host(), plan);
            if (!coverage.open()) {
                throw new IllegalStateException("Removal refused: " + coverage.why());
            }
        }
        return removal(handlers, relaunch).run(report.findings(), passwords, progress, cancel);
    }

    /**
     * The guided last resort for an item its uninstaller could not remove: the vendor's own removal tool (already
     * checked to be the vendor-signed one) runs, the technician's report of it is journaled, and a rescan with the
     * rest of the removal decides what is gone.
     */
    public RemovalReport removeWithVendorTool(String itemId, Kavremover.Checked tool, BooleanSupplier reportedRemoved,
                                              RemovalHandlers handlers, Relaunch relaunch, Progress progress,
                                              Cancellation cancel) throws IOException {
        int exit = context.host().processes().run(Kavremover.command(tool), cancel).exitCode();
        Kavremover.recordReport(RemovalLog.of(journal), itemId, tool, reportedRemoved.getAsBoolean(), exit);
        return remove(Passwords.none(), handlers, relaunch, progress, cancel);
    }

    /** The verified archive the gate rests on, unless a later waiver replaced it. */
    private Optional<BackupVerified> archiveInForce() throws IOException {
        JournalContents journal = contents();
        Optional<JournalRecord> verified = journal.lastRecord(BackupVerified.class);
        Optional<JournalRecord> waived = journal.lastRecord(BackupWaived.class);
        if (verified.isEmpty() || waived.isPresent() && waived.get().seq() > verified.get().seq()) {
            return Optional.empty();
        }
        return verified.get().as(BackupVerified.class);
    }

    private RemovalSession removal(RemovalHandlers handlers, Relaunch relaunch) {
        return new RemovalSession(context.host(), context.catalog(), detector, RemovalLog.of(journal), folder(),
                handlers.options(), handlers.hang(), handlers.prompt(), handlers.listener(), relaunch.argv(),
                relaunch.mode());
    }

    // --- 4. Replacement antivirus ---

    /** Checks the replacement antivirus (with the live EICAR test when {@code eicar} is given) and journals it. */
    public AntivirusReport checkReplacement(AntivirusRules rules, Optional<EicarTest> eicar, Progress progress,
                                            Cancellation cancel) throws IOException {
        return checkReplacement(AntivirusCheck.standard(), rules, eicar, progress, cancel);
    }

    /** As above with the probes given: the wizard's step is handed its own (tests hand it fixtures). */
    public AntivirusReport checkReplacement(AntivirusCheck check, AntivirusRules rules, Optional<EicarTest> eicar,
                                            Progress progress, Cancellation cancel) throws IOException {
        prepareDefender(progress, cancel);
        AntivirusReport report = check(context, check, rules, eicar, progress, cancel);
        journal.record(AntivirusJournal.record(report));
        return report;
    }

    /** The check itself, with the live EICAR test when given; recorded by the caller, if there is a session. */
    static AntivirusReport check(AppContext context, AntivirusCheck check, AntivirusRules rules,
                                 Optional<EicarTest> eicar, Progress progress, Cancellation cancel) {
        AntivirusReport report = check.run(context.host(), rules, context.clock(), progress, cancel);
        return eicar.isPresent() ? AntivirusCheck.withEicarTest(report, eicar.get(), progress, cancel) : report;
    }

    /**
     * After a removal on Windows with no other antivirus on, Defender is what protects the PC: its definitions are
     * brought up to date first, or every check after a removal would fail on definitions days old.
     */
    private void prepareDefender(Progress progress, Cancellation cancel) throws IOException {
        if (context.host().os().family() != org.riddance.platform.OsFamily.WINDOWS
                || contents().last(RemovalCompleted.class).isEmpty()) {
            return;
        }
        progress.update(-1, -1, "Bringing Microsoft Defender's definitions up to date");
        DefenderAfterRemoval.prepare(context.host(), cancel).advice()
                .ifPresent(advice -> LOG.warn("Defender after removal: {}", advice)); // the check says it to the technician
    }

    /** The live EICAR test on request, after a check: the check's report with its outcome, journaled. */
    public AntivirusReport eicarTest(AntivirusReport checked, EicarTest test, Progress progress, Cancellation cancel)
            throws IOException {
        AntivirusReport report = AntivirusCheck.withEicarTest(checked, test, progress, cancel);
        journal.record(AntivirusJournal.record(report));
        return report;
    }

    public AntivirusRules rules(int maxDefinitionsAgeDays) {
        return new AntivirusRules(context.catalog(), maxDefinitionsAgeDays);
    }

    // --- 5. Receipt ---

    /** Signs the receipt of everything journaled so far and writes its files into the data folder's receipts. */
    public ReceiptIssuer.Issued signReceipt(SigningKey key) throws IOException {
        return ReceiptIssuer.issue(journal, context.host().os(), context.catalog(), AppVersion.version(), key,
                context.dataDir().resolve("receipts"), context.clock());
    }

    /** What the receipt would say if it were signed now, for the review before signing; nothing is written. */
    public ReceiptPayload previewReceipt() throws IOException {
        return ReceiptBuilder.build("", contents(), new ReceiptPayload.Machine(context.host().os().hostname(),
                        context.host().os().summary(), context.host().os().serial()), context.catalog().version(),
                context.catalog().sha256(), "", AppVersion.version(), "", context.clock());
    }

    /** Ends the session: it is no longer offered to continue, and the next command starts a new one. */
    public void finish(String outcome) throws IOException {
        if (new RestartRegistration(context.host()).isRegistered()) {
            new RestartRegistration(context.host()).unregister();
        }
        journal.closeSession(outcome);
    }

    /** Closes the journal file and lets go of the lock; the session stays open for the next run to continue. */
    @Override
    public void close() throws IOException {
        try {
            journal.close();
        } finally {
            lock.close();
        }
    }
}
