package org.riddance.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a partial archive another run is still writing from one a killed run left behind. The writer locks one
 * byte far past any archive's end: no write is ever blocked by it, and on Windows, where a lock is mandatory,
 * the archive's own bytes stay readable. The OS drops the lock when its process dies (kill -9 included). Clearing
 * an interrupted back-up must leave a live one alone: a second back-up into the same folder deleted the first
 * one's live {@code .partial} (issue 14).
 */
public final class LivePartial {

    private static final long MARK = Long.MAX_VALUE - 1;
    /** Partial files this process writes: probing them would open a second handle, and closing it drops the lock. */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private LivePartial() {
    }

    static FileLock mark(FileChannel channel) throws IOException {
        FileLock lock = channel.tryLock(MARK, 1, false);
        if (lock == null) {
            throw new IOException("another run holds " + channel);
        }
        return lock;
    }

    static void writing(Path partial, boolean now) {
        if (now) {
            WRITING.add(partial.toAbsolutePath().normalize());
        } else {
            WRITING.remove(partial.toAbsolutePath().normalize());
        }
    }

    /** Whether a run (this one or another process) is writing this partial archive now. */
    public static boolean isLive(Path partial) {
        if (WRITING.contains(partial.toAbsolutePath().normalize())) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock(MARK, 1, false);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // gone, or cannot be opened for writing: nobody is writing it either
        }
    }
}
