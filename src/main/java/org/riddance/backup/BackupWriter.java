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
import java.util.Optional;
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
        long free = checkDestination(destination, plan);
        if (Files.exists(archive)) {
            throw new BackupException(BackupException.Reason.WRITE_FAILED, archive + " exists already; nothing was"
                    + " overwritten. Back up again in a minute or choose another folder.", null);
        }
        Path partial = destination.resolve(archive.getFileName() + PARTIAL);
        boolean ownerOnly;
        try {
            ownerOnly = OwnerOnlyFile.create(partial);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // another run is writing this very archive: its partial file is its work, never ours to delete
            throw new BackupException(BackupException.Reason.WRITE_FAILED, "Another back-up is being written to "
                    + partial + " right now. Wait for it to finish, or back up into another folder.", e);
        }
        boolean done = false;
        Copy copy = new Copy(plan, progress, cancel);
        LivePartial.writing(partial, true);
        try (FileChannel live = FileChannel.open(partial, StandardOpenOption.WRITE);
             java.nio.channels.FileLock mark = LivePartial.mark(live)) {
            try (ArchiveWriter zip = new ArchiveWriter(live)) {
                for (PlannedItem item : plan.available()) {
                    cancel.throwIfCancelled();
                    int skippedBefore = copy.skipped.size();
                    switch (item.kind()) {
                        case FOLDER -> copy.folder(zip, item);
                        case FILES -> copy.files(zip, item);
                        case REGISTRY_KEY -> copy.registryKey(zip, item);
                        case VENDOR_EXPORT -> copy.vendorExport(zip, item);
                        case LICENCE_FACTS -> { } // recorded in the manifest below
                    }
                    copy.covered(item, skippedBefore);
                }
                org.riddance.platform.MachineIdentity machine = org.riddance.platform.MachineIdentity.of(host);
                Manifest manifest = new Manifest(Manifest.FORMAT, sessionId, clock.instant().toString(),
                        machine.hostname(), appVersion, zip.entries(), copy.skipped, plan.licences(),
                        machine.machineId(), plan.findings(), copy.covers);
                zip.finish(manifest);
                zip.close();
                progress.update(-1, -1, FLUSHING); // a USB stick can take a while to take it all
                live.force(true);
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
                done = true;
                return new WrittenBackup(archive, manifest, Files.size(archive), copy.changed, copy.states, ownerOnly);
            }
        } catch (IOException e) {
            throw explain(e, destination, plan, free, copy.copied);
        } finally {
            LivePartial.writing(partial, false);
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** @return the free space found, or -1 when the store cannot tell */
    private static long checkDestination(Path destination, BackupPlan plan) throws BackupException {
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
        Optional<String> doomed = insideDeletedFolder(destination, plan);
        if (doomed.isPresent()) {
            throw new BackupException(BackupException.Reason.NO_DESTINATION, "The destination " + destination
                    + " is inside " + doomed.get() + ", which removal deletes: the back-up would be deleted"
                    + " with it. Choose a folder outside the product's folders, best a USB drive.", null);
        }
        long needed = needed(plan);
        long free;
        try {
            free = Files.getFileStore(destination).getUsableSpace();
        } catch (IOException e) {
            return -1; // the store cannot tell; the write itself will find out
        }
        if (free < needed) {
            throw new BackupException(BackupException.Reason.NOT_ENOUGH_SPACE, "The destination has "
                    + Sizes.human(free) + " free but the back-up needs about " + Sizes.human(needed)
                    + ". Free at least " + Sizes.human(needed - free) + " there or choose another drive.", null);
        }
        return free;
    }

    /**
     * The planned folder (the plan holds every folder removal deletes) or vendor folder (the leftover sweep may
     * delete it whole) that holds the destination, links followed; as the technician knows it.
     */
    static Optional<String> insideDeletedFolder(Path destination, BackupPlan plan) {
        Path real;
        try {
            real = destination.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        for (PlannedItem item : plan.items()) {
            if (item.kind() == PlannedItem.Kind.FOLDER && item.folder() != null && inside(real, item.folder())) {
                return Optional.of(item.source());
            }
        }
        return plan.vendorFolders().stream().filter(f -> inside(real, f)).findFirst().map(Path::toString);
    }

    private static boolean inside(Path realDestination, Path folder) {
        try {
            return realDestination.startsWith(folder.toRealPath());
        } catch (IOException e) {
            return false; // a folder that is gone holds nothing
        }
    }

    private static long needed(BackupPlan plan) {
        return plan.knownBytes() + OVERHEAD + OVERHEAD_PER_FILE * plan.files();
    }

    private IOException explain(IOException e, Path destination, BackupPlan plan, long freeAtStart, long copied) {
        if (e instanceof BackupException) {
            return e;
        }
        if (diskFull(e, destination)) {
            // what the sources hold now, not what the plan measured: a live product's logs grow in between
            long needed = Math.max(needed(plan), OVERHEAD + OVERHEAD_PER_FILE * plan.files() + currentBytes(plan, copied));
            String had = freeAtStart < 0 ? "" : " and the destination had " + Sizes.human(freeAtStart) + " free";
            String more = freeAtStart < 0 || needed <= freeAtStart ? ""
                    : " Free at least " + Sizes.human(needed - freeAtStart) + " more there, or";
            return new BackupException(BackupException.Reason.DISK_FULL, "The destination " + destination
                    + " ran out of space while writing: the back-up needs about " + Sizes.human(needed)
                    + " (its files have grown since the plan was made)" + had + ". The partial archive was removed"
                    + " and nothing else was changed." + (more.isEmpty() ? " Choose" : more + " choose")
                    + " a drive with " + Sizes.human(needed) + " free, then back up again.", e);
        }
        return new BackupException(BackupException.Reason.WRITE_FAILED, "Writing the archive failed: " + e.getMessage()
                + ". The partial archive was removed and nothing else was changed.", e);
    }

    /** The plan's sources as they are now (at least what was already copied); unreadable ones count as planned. */
    private long currentBytes(BackupPlan plan, long copied) {
        long bytes = 0;
        for (PlannedItem item : plan.available()) {
            if (item.kind() == PlannedItem.Kind.FOLDER && item.folder() != null) {
                bytes += SafeWalk.bytes(item.folder());
            } else if (item.kind() == PlannedItem.Kind.FILES) {
                for (String path : item.paths()) {
                    try {
                        bytes += Files.size(host.files().resolve(path));
                    } catch (IOException | RuntimeException ignored) {
                        // gone: nothing to copy
                    }
                }
            } else {
                bytes += Math.max(0, item.bytes());
            }
        }
        return Math.max(bytes, copied);
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
        private final java.util.Map<String, SourceState> states = new java.util.HashMap<>();
        private final List<Manifest.Covered> covers = new ArrayList<>();
        /** Sources already copied: a catalog item may lie inside a folder removal deletes, and is stored once. */
        private final java.util.Set<String> written = new java.util.HashSet<>();

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
            if (!host.files().holds(item.folder())) {
                skip(item, item.source(), "a link on the way to it now leads outside " + host.files().root()
                        + "; not followed");
                return;
            }
            SafeWalk.Listing listing = SafeWalk.list(item.folder());
            for (SafeWalk.Skipped other : listing.skipped()) {
                skip(item, systemPath(item.source(), other.names()), other.reason());
            }
            for (SafeWalk.Found found : listing.files()) {
                cancel.throwIfCancelled();
                copyFile(zip, item, found.file(), found.names(), systemPath(item.source(), found.names()));
            }
        }

        /** A package's configuration and changed files, each under its own system path inside the item. */
        void files(ArchiveWriter zip, PlannedItem item) throws IOException {
            for (String path : item.paths()) {
                cancel.throwIfCancelled();
                Path file = host.files().resolve(path);
                List<String> names = List.of(path.replaceFirst("^/+", "").split("/"));
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !host.files().holds(file)) {
                    skip(item, path, Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                            ? "not a regular file inside the system root, not followed" : "vanished before it was copied");
                    continue;
                }
                copyFile(zip, item, file, names, path);
            }
        }

        private void copyFile(ArchiveWriter zip, PlannedItem item, Path file, List<String> names, String source)
                throws IOException {
            if (!written.add(source)) {
                return; // in the archive already, under an item that holds this one's folder too
            }
            String name = item.key() + "/" + String.join("/", names.stream().map(EntryName::encodeSegment).toList());
            String unsafe = EntryName.problem(name);
            if (unsafe != null) {
                skip(item, source, "its name cannot be stored safely (" + unsafe + ")");
                return;
            }
            boolean encoded = !name.equals(item.key() + "/" + String.join("/", names));
            nextFile(source);
            BasicFileAttributes before;
            try {
                before = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (java.nio.file.NoSuchFileException e) {
                skip(item, source, "vanished before it was copied (a rotated log, say)");
                return;
            } catch (IOException e) {
                skip(item, source, "cannot be read: " + SafeWalk.reason(e));
                return;
            }
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                zip.add(name, ManifestEntry.FILE, source, item.productId(), item.key(), in, before.lastModifiedTime(),
                        this::copied, encoded ? names : List.of());
            } catch (java.nio.file.NoSuchFileException e) {
                skip(item, source, "vanished before it was copied (a rotated log, say)");
                return;
            } catch (AccessDeniedException e) {
                skip(item, source, "access denied");
                return;
            } catch (ArchiveWriter.SourceReadException e) {
                skip(item, source, "could not be read to the end: " + e.getMessage());
                return;
            } catch (FileSystemException e) {
                if (isSourceProblem(e, file)) {
                    skip(item, source, "cannot be read: " + e.getReason());
                    return;
                }
                throw e;
            }
            try {
                SourceState after = SourceState.of(file);
                if (after.size() != before.size() || !after.modified().equals(before.lastModifiedTime())) {
                    changed.add(source);
                } else {
                    states.put(source, after); // the read-back compares against this rather than hash it again
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // copied whole, then rotated away: the archive holds it
            }
        }

        /** After an item: what removal may now delete because of it, unless something in it could not be kept. */
        void covered(PlannedItem item, int skippedBefore) {
            if (item.covers() == null) {
                return;
            }
            // a vanished file, a link (deleted, never its target) or a FIFO holds nothing removal could lose
            boolean lost = skipped.subList(skippedBefore, skipped.size()).stream().map(Manifest.SkippedSource::reason)
                    .anyMatch(r -> !r.startsWith("vanished") && !r.startsWith("a link") && !r.startsWith("a FIFO")
                            && !r.startsWith("a socket"));
            if (!lost) {
                covers.add(item.covers());
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

    private static String systemPath(String folder, List<String> names) {
        return SafeWalk.systemPath(folder, names);
    }
}
