package org.riddance.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.riddance.platform.Host;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * The verification after a back-up: the archive read back against its manifest, then every backed-up file
 * still on the machine compared with what the archive holds. A file that changed while it was copied (a log
 * the product was still writing) shows up here, so the technician can back up again before anything is
 * removed.
 */
public final class ReadBack {

    private ReadBack() {
    }

    public static ArchiveCheck verify(WrittenBackup written, Host host, Progress progress, Cancellation cancel)
            throws IOException {
        ArchiveCheck archive = ArchiveVerifier.verify(written.archive(), progress, cancel);
        List<String> problems = new ArrayList<>(archive.problems());
        for (String source : written.changedWhileRead()) {
            problems.add(source + " changed while it was being backed up");
        }
        if (archive.manifest() != null) {
            compareSources(archive.manifest(), host, cancel, problems, written.changedWhileRead());
        }
        return new ArchiveCheck(archive.archive(), problems.isEmpty(), archive.sha256(), archive.bytes(),
                archive.entries(), problems, archive.manifest());
    }

    private static void compareSources(Manifest manifest, Host host, Cancellation cancel, List<String> problems,
                                       List<String> alreadyReported) throws IOException {
        byte[] buffer = new byte[ArchiveVerifier.BUFFER];
        for (ManifestEntry entry : manifest.entries()) {
            cancel.throwIfCancelled();
            if (!ManifestEntry.FILE.equals(entry.kind()) || alreadyReported.contains(entry.source())) {
                continue;
            }
            Path file = host.files().resolve(entry.source());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !host.files().holds(file)) {
                problems.add(entry.source() + " is gone since it was backed up");
                continue;
            }
            MessageDigest hash = Sha256.digest();
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    hash.update(buffer, 0, n);
                }
            }
            if (!HexFormat.of().formatHex(hash.digest()).equals(entry.sha256())) {
                problems.add(entry.source() + " changed after it was backed up");
            }
        }
    }
}
