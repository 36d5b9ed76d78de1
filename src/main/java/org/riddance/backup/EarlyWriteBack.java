package org.riddance.backup;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.Semaphore;

/**
 * Puts the archive on the drive while it is still being written: after every 32 MB, a thread of its own asks the
 * OS to write the file's data out (fdatasync), so the forced flush before the rename waits for the last few
 * megabytes instead of the whole archive (760 MB took 1.4 s here, and takes minutes on a slow stick), and the
 * drive works while the processor compresses. An error here is left to that final flush, which reports it.
 */
final class EarlyWriteBack implements Closeable {

    private static final long EVERY = 32 << 20;

    private final FileChannel channel;
    private final Semaphore due = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;
    private long unflushed; // only the writing thread counts

    EarlyWriteBack(FileChannel channel) {
        this.channel = channel;
        thread = SideThread.start(this::run, "riddance-write-back");
    }

    /** Told by the thread that writes the archive of every write. */
    void wrote(int bytes) {
        unflushed += bytes;
        if (unflushed >= EVERY) {
            unflushed = 0;
            due.release();
        }
    }

    private void run() {
        while (true) {
            try {
                due.acquire();
            } catch (InterruptedException e) {
                return;
            }
            due.drainPermits();
            if (closed) {
                return;
            }
            try {
                channel.force(false); // never interrupted: that would close the channel
            } catch (IOException e) {
                // the final flush finds it again and reports it
            }
        }
    }

    /** Waits for a flush under way; none starts after this. */
    @Override
    public void close() throws IOException {
        closed = true;
        due.release();
        SideThread.join(thread, "the archive was being written out");
    }
}
