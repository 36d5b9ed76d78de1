package org.riddance.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Archives a killed or crashed back-up left half-written in a destination. They are only ever
 * {@code riddance-backup-*.zip.partial} files, never a finished archive, so removing them loses nothing. A
 * partial file another run is still writing is not interrupted: the writer holds a lock on it
 * ({@link #markLive}), and such a file is neither listed nor removed.
 */
public final class InterruptedBackups {

    private static final long LIVE_MARK = Long.MAX_VALUE - 1;

    private InterruptedBackups() {
    }

    public static List<Path> in(Path destination) throws IOException {
        if (!Files.isDirectory(destination)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(destination)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("riddance-backup-") && name.endsWith(".zip" + BackupWriter.PARTIAL)
                        && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !isLive(p);
            }).sorted().toList();
        }
    }

    public static void remove(List<Path> partials) throws IOException {
        for (Path partial : partials) {
            if (!isLive(partial)) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /**
     * Locks one byte far past any archive's end: no write is ever blocked by it, and on Windows, where a lock
     * is mandatory, the archive's own bytes stay readable. The OS drops the lock when its process dies (kill -9
     * included), which is what tells a killed run's partial file from a live one.
     */
    static FileLock markLive(FileChannel channel) throws IOException {
        FileLock lock = channel.tryLock(LIVE_MARK, 1, false);
        if (lock == null) {
            throw new IOException("another run holds " + channel);
        }
        return lock;
    }

    /** Partial files this process writes: probing them would open a second handle, and closing it drops the lock. */
    private static final java.util.Set<Path> WRITING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static void writing(Path partial, boolean now) {
        if (now) {
            WRITING.add(partial.toAbsolutePath().normalize());
        } else {
            WRITING.remove(partial.toAbsolutePath().normalize());
        }
    }

    private static boolean isLive(Path partial) {
        if (WRITING.contains(partial.toAbsolutePath().normalize())) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock(LIVE_MARK, 1, false);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very process is writing it
        } catch (IOException e) {
            return false; // cannot be opened for writing: nobody is writing it either
        }
    }
}
