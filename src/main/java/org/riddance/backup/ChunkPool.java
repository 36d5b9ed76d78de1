package org.riddance.backup;

import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed set of reused buffers that two threads hand each other: one fills a buffer, the other uses it and gives
 * it back. Memory stays bounded and no chunk is copied (copying every 64 KB chunk for a second thread churned
 * the heap to 1.4 GB). One thread takes; a buffer comes back from whichever thread used it last.
 */
final class ChunkPool {

    static final int CHUNK = ArchiveVerifier.BUFFER;
    private static final int CHUNKS = 32; // 2 MB: enough that 5 KB files do not wait on each other

    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);

    ChunkPool() {
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
    }

    /** A free buffer, waiting while all are in use. */
    byte[] take() throws InterruptedIOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a buffer");
        }
    }

    void give(byte[] buffer) {
        free.add(buffer);
    }
}
