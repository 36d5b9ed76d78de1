package org.riddance.ui.backup;

import java.nio.file.Path;
import org.riddance.engine.AppContext;
import org.riddance.engine.AppVersion;
import org.riddance.backup.ArchiveCheck;
import org.riddance.backup.BackupException;
import org.riddance.backup.BackupPlan;
import org.riddance.backup.BackupRecords;
import org.riddance.backup.BackupWriter;
import org.riddance.backup.ReadBack;
import org.riddance.backup.Sizes;
import org.riddance.backup.WrittenBackup;
import org.riddance.ui.Messages;
import org.riddance.ui.shell.SessionRecorder;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * One back-up as the wizard runs it, on the worker thread: journal "started", write, read back, journal the
 * outcome. The journal always says where things stand, so a crash in between is found at the next launch.
 */
final class BackupRun {

    record Outcome(ArchiveCheck check, boolean ownerOnly) {
    }

    private final AppContext context;
    private final SessionRecorder recorder;
    private final BackupPlan plan;
    private final Path destination;

    BackupRun(AppContext context, SessionRecorder recorder, BackupPlan plan, Path destination) {
        this.context = context;
        this.recorder = recorder;
        this.plan = plan;
        this.destination = destination;
    }

    Outcome perform(Progress progress, Cancellation cancel) throws Exception {
        BackupWriter writer = new BackupWriter(context.host(), context.clock(), AppVersion.version());
        Path archive = writer.archiveIn(destination);
        recorder.record(BackupRecords.STARTED, BackupRecords.started(archive.toString(), plan));
        try {
            WrittenBackup written = writer.write(plan, archive, "wizard", progress, cancel);
            progress.update(-1, -1, Messages.get("backup.readingBack"));
            ArchiveCheck check = ReadBack.verify(written, context.host(), progress, cancel);
            if (check.intact()) {
                recorder.record(BackupRecords.VERIFIED, BackupRecords.verified(check));
            } else {
                recorder.record(BackupRecords.FAILED, BackupRecords.failed(String.join("; ", check.problems())));
            }
            return new Outcome(check, written.ownerOnly());
        } catch (Cancellation.CancelledException e) {
            recorder.record(BackupRecords.FAILED, BackupRecords.failed("cancelled by the technician"));
            throw e;
        } catch (BackupException e) {
            recorder.record(BackupRecords.FAILED, BackupRecords.failed(e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            recorder.record(BackupRecords.FAILED, BackupRecords.failed(String.valueOf(e.getMessage())));
            throw e;
        }
    }

    /** "120 MB of 300 MB · 45 MB/s · about 4 s left". */
    String describeProgress(double done, double total, TransferRate rate, long nowNanos) {
        if (done < 0 || total <= 0) {
            return "";
        }
        long d = (long) done;
        long t = (long) total;
        String text = Messages.get("backup.progress.bytes", Sizes.human(d), Sizes.human(t));
        var speed = rate.bytesPerSecond(d, nowNanos);
        if (speed.isPresent()) {
            text += Messages.get("backup.progress.speed", Sizes.human(Math.round(speed.get())));
        }
        var left = rate.timeLeft(d, t, nowNanos);
        if (left.isPresent()) {
            text += Messages.get("backup.progress.left", TransferRate.format(left.get()));
        }
        return text;
    }
}
