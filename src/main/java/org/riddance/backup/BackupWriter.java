package org.riddance.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.riddance.platform.Host;
import org.riddance.platform.RegFileWriter;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Makes the archive for a plan. It is written as {@code NAME.zip.partial} and renamed only once complete
 * and flushed to disk, so a half-written archive is never mistaken for a back-up; any failure or cancel
 * deletes the partial file and leaves everything else as it was.
 */
public final class BackupWriter {

    public static final String PARTIAL = ".partial";
    /** The progress message while the archive is forced out to the drive, before it is renamed into place. */
    public static final String FLUSHING = "Writing everything out to the drive\u2026";
    /** Zip headers, the manifest and the central directory: well under this per file. */
    private static final long OVERHEAD_PER_FILE = 512;
    private static final long OVERHEAD = 64 << 10;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Host host;
    private final Clock clock;
    private final String appVersion;

    public BackupWriter(Host host, Clock clock, String appVersion) {
        this.host = host;
        this.clock = clock;
        this.appVersion = appVersion;
    }

    /** The archive's file name for a session: the machine and the time, so several PCs can share one stick. */
    String archiveName() {
        String machine = EntryName.segment(host.os().hostname().isBlank() ? "pc" : host.os().hostname())
                .replace(' ', '-').toLowerCase(Locale.ROOT);
        return "riddance-backup-" + machine + "-" + STAMP.format(clock.instant()) + ".zip";
    }

    /** Where the archive will be in {@code destination}; pass it to {@link #write}. */
    public Path archiveIn(Path destination) {
        return destination.resolve(archiveName());
    }

    public WrittenBackup write(BackupPlan plan, Path archive, String sessionId, Progress progress,
                               Cancellation cancel) throws IOException {
        Path destination = archive.toAbsolutePath().getParent();
        checkDestination(destination, plan);
        if (Files.exists(archive)) {
            throw new BackupException(BackupException.Reason.WRITE_FAILED, archive + " exists already; nothing was"
                    + " overwritten. Back up again in a minute or choose another folder.", null);
        }
        Path partial = destination.resolve(archive.getFileName() + PARTIAL);
        boolean ownerOnly = OwnerOnlyFile.create(partial);
        boolean done = false;
        try {
            Copy copy = new Copy(plan, progress, cancel);
            try (ArchiveWriter zip = new ArchiveWriter(partial)) {
                for (PlannedItem item : plan.available()) {
                    cancel.throwIfCancelled();
                    switch (item.kind()) {
                        case FOLDER -> copy.folder(zip, item);
                        case REGISTRY_KEY -> copy.registryKey(zip, item);
                        case VENDOR_EXPORT -> copy.vendorExport(zip, item);
                        case LICENCE_FACTS -> { } // recorded in the manifest below
                    }
                }
                Manifest manifest = new Manifest(Manifest.FORMAT, sessionId, clock.instant().toString(),
                        host.os().hostname(), appVersion, zip.entries(), copy.skipped, plan.licences());
                zip.finish(manifest);
                zip.close();
                progress.update(-1, -1, FLUSHING); // a USB stick can take a while to take it all
                try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
                done = true;
                return new WrittenBackup(archive, manifest, Files.size(archive), copy.changed, ownerOnly);
            }
        } catch (IOException e) {
            throw explain(e, destination, plan);
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
    }

    private static void checkDestination(Path destination, BackupPlan plan) throws BackupException {
        if (plan.available().isEmpty()) {
            throw new BackupException(BackupException.Reason.NOTHING_TO_BACK_UP,
                    "Nothing is selected that can be backed up.", null);
        }
        if (!Files.isDirectory(destination)) {
            throw new BackupException(BackupException.Reason.NO_DESTINATION, "The destination " + destination
                    + " does not exist or is not a folder. Plug the drive in or choose another folder.", null);
        }
        if (!Files.isWritable(destination)) {
            throw new BackupException(BackupException.Reason.NO_DESTINATION, "Riddance cannot write to " + destination
                    + ". Choose a folder this account can write to.", null);
        }
        long needed = needed(plan);
        long free;
        try {
            free = Files.getFileStore(destination).getUsableSpace();
        } catch (IOException e) {
            return; // the store cannot tell; the write itself will find out
        }
        if (free < needed) {
            throw new BackupException(BackupException.Reason.NOT_ENOUGH_SPACE, "The destination has "
                    + Sizes.human(free) + " free but the back-up needs about " + Sizes.human(needed)
                    + ". Free some space or choose another drive.", null);
        }
    }

    private static long needed(BackupPlan plan) {
        return plan.knownBytes() + OVERHEAD + OVERHEAD_PER_FILE * plan.files();
    }

    private static IOException explain(IOException e, Path destination, BackupPlan plan) {
        if (e instanceof BackupException) {
            return e;
        }
        if (diskFull(e, destination)) {
            return new BackupException(BackupException.Reason.DISK_FULL, "The destination " + destination
                    + " ran out of space while writing. The partial archive was removed and nothing else was"
                    + " changed. Free at least " + Sizes.human(needed(plan))
                    + " or choose another drive, then back up again.", e);
        }
        return new BackupException(BackupException.Reason.WRITE_FAILED, "Writing the archive failed: " + e.getMessage()
                + ". The partial archive was removed and nothing else was changed.", e);
    }

    private static boolean diskFull(IOException e, Path destination) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("no space left") || message.contains("not enough space") || message.contains("disk full")
                || message.contains("quota exceeded")) {
            return true;
        }
        try {
            return Files.getFileStore(destination).getUsableSpace() < ArchiveVerifier.BUFFER;
        } catch (IOException ignored) {
            return false;
        }
    }

    /** The copying of one plan: progress counters and what could not be read. */
    private final class Copy {
        private final Progress progress;
        private final Cancellation cancel;
        private final long total;
        private final int totalFiles;
        private int fileNumber;
        private long copied;
        private final List<Manifest.SkippedSource> skipped = new ArrayList<>();
        private final List<String> changed = new ArrayList<>();

        Copy(BackupPlan plan, Progress progress, Cancellation cancel) {
            this.progress = progress;
            this.cancel = cancel;
            this.total = plan.knownBytes();
            this.totalFiles = plan.files();
        }

        private void nextFile(String source) {
            fileNumber++;
            progress.update(copied, Math.max(total, copied), "File " + fileNumber + " of " + Math.max(fileNumber, totalFiles)
                    + ": " + source);
        }

        void folder(ArchiveWriter zip, PlannedItem item) throws IOException {
            if (!Files.isDirectory(item.folder(), LinkOption.NOFOLLOW_LINKS)) {
                skip(item, item.source(), "the folder is gone since the plan was made");
                return;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(item.folder())) {
                files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
            for (Path file : files) {
                cancel.throwIfCancelled();
                String relative = item.folder().relativize(file).toString().replace('\\', '/');
                String source = systemPath(item.source(), relative);
                String name = item.key() + "/" + relative;
                if (EntryName.problem(name) != null) {
                    skip(item, source, "its name cannot be stored safely (" + EntryName.problem(name) + ")");
                    continue;
                }
                nextFile(source);
                BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                try (InputStream in = Files.newInputStream(file)) {
                    zip.add(name, ManifestEntry.FILE, source, item.productId(), item.key(), in,
                            before.lastModifiedTime(), this::copied);
                } catch (AccessDeniedException e) {
                    skip(item, source, "access denied");
                    continue;
                } catch (FileSystemException e) {
                    if (isSourceProblem(e, file)) {
                        skip(item, source, "cannot be read: " + e.getReason());
                        continue;
                    }
                    throw e;
                }
                BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (after.size() != before.size() || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
                    changed.add(source);
                }
            }
        }

        void registryKey(ArchiveWriter zip, PlannedItem item) throws IOException {
            nextFile(item.registryKey());
            byte[] export = RegFileWriter.export(host.registry(), item.registryKey());
            String leaf = item.registryKey().substring(item.registryKey().lastIndexOf('\\') + 1);
            zip.add(item.key() + "/" + EntryName.segment(leaf) + ".reg", ManifestEntry.REGISTRY, item.registryKey(),
                    item.productId(), item.key(), new java.io.ByteArrayInputStream(export), null, this::copied);
        }

        void vendorExport(ArchiveWriter zip, PlannedItem item) throws IOException {
            Path staging = Files.createTempDirectory("riddance-export");
            try {
                Path out = staging.resolve(EntryName.segment(item.key().replace('/', '-')) + ".export");
                nextFile(item.source());
                String failure = VendorExports.run(host, item, out, cancel);
                if (failure != null) {
                    skip(item, item.source(), failure);
                    return;
                }
                try (InputStream in = Files.newInputStream(out)) {
                    zip.add(item.key() + "/" + out.getFileName(), ManifestEntry.VENDOR_EXPORT, item.source(),
                            item.productId(), item.key(), in, Files.getLastModifiedTime(out), this::copied);
                }
            } finally {
                try (Stream<Path> left = Files.walk(staging)) {
                    for (Path p : left.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }

        private void copied(int bytes) {
            copied += bytes;
            progress.update(copied, Math.max(total, copied), null);
            cancel.throwIfCancelled();
        }

        private void skip(PlannedItem item, String source, String reason) {
            skipped.add(new Manifest.SkippedSource(source, item.productId(), item.key(), reason));
        }

        /** A read failure of the source file, as opposed to a write failure on the destination. */
        private boolean isSourceProblem(FileSystemException e, Path file) {
            return file.toString().equals(e.getFile());
        }
    }

    private static String systemPath(String folder, String relative) {
        boolean windows = folder.contains("\\");
        String separator = windows ? "\\" : "/";
        String base = folder.endsWith(separator) ? folder : folder + separator;
        return base + (windows ? relative.replace('/', '\\') : relative);
    }
}
