package org.riddance.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.riddance.backup.BackupPlan;
import org.riddance.detect.ScanReport;
import org.riddance.protection.AntivirusReport;
import org.riddance.protection.EicarTest;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.receipt.SigningKey;
import org.riddance.removal.Passwords;
import org.riddance.removal.RemovalListener;
import org.riddance.removal.RemovalReport;
import org.riddance.removal.RestartRegistration;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * The whole flow with nobody at the PC, for fleet tools: scan, back up (or the recorded waiver), remove, prove,
 * check the replacement, sign. It never asks anything. When removal needs a restart it registers itself to run at
 * the next start-up with the same arguments (the Welcome facts stay in the journal) and stops; that run picks up
 * from the journal, and signs once.
 */
public final class UnattendedRun {

    /**
     * @param facts       the Welcome facts for a new session; a run that continues one keeps the journal's
     * @param backupTo    where the archive goes; empty with {@code noBackupReason}
     * @param receiptTo   where the receipt's files are copied, besides the data folder
     * @param relaunch    Riddance's arguments for the run after a restart (without the Welcome facts)
     */
    public record Options(Optional<SessionInfo> facts, Optional<Path> backupTo, Optional<String> noBackupReason,
                          Path receiptTo, Passwords passwords, RemovalHandlers handlers, Optional<EicarTest> eicar,
                          int maxDefinitionsAgeDays, List<String> relaunch) {
    }

    /** How the run ended. {@code receipt} is there when one was signed. */
    public record Result(Status status, String message, Optional<ReceiptIssuer.Issued> receipt, List<Path> copies,
                         Optional<String> session) {
    }

    public enum Status {
        /** Signed, PASS. */
        PASS,
        /** Signed, but not PASS: the receipt says why. */
        NOT_PASS,
        /** Removal waits for a restart; the run continues by itself after it. */
        RESTART_NEEDED,
        /** Stopped before a receipt: the message says why and what to do. */
        ERROR
    }

    private final Sessions sessions;
    private final Consumer<String> say;

    /** @param say progress lines, for stderr */
    public UnattendedRun(Sessions sessions, Consumer<String> say) {
        this.sessions = sessions;
        this.say = say;
    }

    public Result run(Options options, SigningKey key, Cancellation cancel) throws IOException {
        boolean continuing = sessions.findOpen().isPresent();
        if (!continuing && (options.facts().isEmpty() || !options.facts().get().isComplete())) {
            return error("a new session needs --technician NAME and --site NAME", Optional.empty());
        }
        try (Remediation session = sessions.joinOrStart(options.facts())) {
            say.accept((continuing ? "Continuing session " : "Started session ") + session.id());
            if (session.waitingForRestart()) {
                return new Result(Status.RESTART_NEEDED, "removal waits for the restart; Riddance continues by itself after it",
                        Optional.empty(), List.of(), Optional.of(session.id()));
            }
            boolean removalUnderWay = session.removalUnderWay();
            if (!removalUnderWay) {
                say.accept("Scanning");
                ScanReport scan = session.scan(Progress.NONE, cancel);
                say.accept(scan.findings().isEmpty() ? "Nothing banned found"
                        : scan.findings().size() + " banned item(s) found");
                if (!scan.complete() && scan.findings().isEmpty()) {
                    return error("the scan could not read " + String.join(", ", scan.sourcesFailed())
                            + ", so this PC cannot be called clean", Optional.of(session.id()));
                }
                if (!scan.findings().isEmpty()) {
                    Optional<String> backupProblem = backUp(session, options, cancel);
                    if (backupProblem.isPresent()) {
                        return error(backupProblem.get(), Optional.of(session.id()));
                    }
                }
            }
            if (removalUnderWay || !session.lastScan(Progress.NONE, cancel).findings().isEmpty()) {
                say.accept("Removing");
                RemovalReport removal = session.remove(options.passwords(), options.handlers().withListener(listener()),
                        new Relaunch(options.relaunch(), RestartRegistration.Mode.UNATTENDED), Progress.NONE, cancel);
                if (removal.rebootPending()) {
                    return new Result(Status.RESTART_NEEDED, "restart the PC: Riddance continues by itself at start-up",
                            Optional.empty(), List.of(), Optional.of(session.id()));
                }
            }
            say.accept("Checking the replacement antivirus");
            AntivirusReport antivirus = session.checkReplacement(session.rules(options.maxDefinitionsAgeDays()),
                    options.eicar(), Progress.NONE, cancel);
            say.accept("Replacement antivirus: " + (antivirus.pass() ? "passes" : "does not pass"));
            ReceiptIssuer.Issued issued = session.signReceipt(key);
            List<Path> copies = issued.copyTo(options.receiptTo());
            session.finish("signed");
            boolean pass = issued.payload().result().equals("pass");
            return new Result(pass ? Status.PASS : Status.NOT_PASS, "receipt signed: " + issued.payload().result(),
                    Optional.of(issued), copies, Optional.of(session.id()));
        }
    }

    /** The verified archive, or the waiver on record; otherwise why removal must not start. */
    private Optional<String> backUp(Remediation session, Options options, Cancellation cancel) throws IOException {
        if (options.noBackupReason().isPresent()) {
            session.waiveBackup(options.noBackupReason().get());
            say.accept("No back-up, on record: " + options.noBackupReason().get());
            return Optional.empty();
        }
        session.clearInterruptedBackup();
        BackupPlan plan = session.planBackup(Progress.NONE, cancel);
        if (plan.available().isEmpty()) {
            return Optional.of("nothing in the back-up plan can be backed up, so removal did not start; give --no-backup "
                    + "--reason TEXT to remove without one on record");
        }
        say.accept("Backing up to " + options.backupTo().orElseThrow());
        Remediation.BackupOutcome outcome = session.backUp(plan, options.backupTo().orElseThrow(), Progress.NONE, cancel);
        if (!outcome.verified()) {
            return Optional.of("the back-up did not verify (" + String.join("; ", outcome.check().problems())
                    + "), so nothing was removed");
        }
        say.accept("Back-up verified: " + outcome.check().archive());
        return Optional.empty();
    }

    private RemovalListener listener() {
        return new RemovalListener() {
            @Override
            public void log(String line) {
                say.accept(line);
            }
        };
    }

    private static Result error(String message, Optional<String> session) {
        return new Result(Status.ERROR, message, Optional.empty(), List.of(), session);
    }
}
