package org.riddance.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.riddance.platform.Host;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * The verification after a back-up: the archive read back against its manifest, then every backed-up file
 * still on the machine compared with its state when it was copied. A file that changed while it was copied (a log
 * the product was still writing) shows up here, so the technician can back up again before anything is
 * removed.
 */
public final class ReadBack {

    private ReadBack() {
    }

    public static ArchiveCheck verify(WrittenBackup written, Host host, Progress progress, Cancellation cancel)
            throws IOException {
        // The sources are compared with their state after the copy (file system calls, one per file) while the
        // archive is read back (inflate and hashing): neither needs the other, and they share the two cores.
        FutureTask<List<String>> sources = new FutureTask<>(() -> compareSources(written, host, cancel));
        SideThread.start(sources, "riddance-source-check");
        ArchiveCheck archive = ArchiveVerifier.verify(written.archive(), progress, cancel);
        List<String> problems = new ArrayList<>(archive.problems());
        for (String source : written.changedWhileRead()) {
            problems.add(source + " changed while it was being backed up");
        }
        if (archive.manifest() != null) {
            problems.addAll(outcome(sources));
        }
        return new ArchiveCheck(archive.archive(), problems.isEmpty(), archive.sha256(), archive.bytes(),
                archive.entries(), problems, archive.manifest());
    }

    /**
     * Each backed-up file against its state right after the copy. The archive's bytes were hashed on the way in
     * and again just now; reading every source a third time would double the read-back for no better answer.
     */
    private static List<String> compareSources(WrittenBackup written, Host host, Cancellation cancel) throws IOException {
        List<String> problems = new ArrayList<>();
        for (ManifestEntry entry : written.manifest().entries()) {
            cancel.throwIfCancelled();
            if (!ManifestEntry.FILE.equals(entry.kind()) || written.changedWhileRead().contains(entry.source())) {
                continue;
            }
            Path file = host.files().resolve(entry.source());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !host.files().holds(file)) {
                problems.add(entry.source() + " is gone since it was backed up");
                continue;
            }
            SourceState copied = written.sources().get(entry.source());
            String difference = copied == null ? "it was not seen whole after its copy" : copied.difference(SourceState.of(file));
            if (difference != null) {
                problems.add(entry.source() + " changed after it was backed up (" + difference + ")");
            }
        }
        return problems;
    }

    private static List<String> outcome(FutureTask<List<String>> sources) throws IOException {
        try {
            return sources.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while comparing the backed-up files");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // a cancel
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
