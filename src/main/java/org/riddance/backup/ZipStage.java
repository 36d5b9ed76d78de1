package org.riddance.backup;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip's half of writing an archive: the CRC, deflate and the writes to the drive, on a thread of its own, so
 * that reading and hashing the next chunk of a source (the other half, in {@link ArchiveWriter}) runs beside it
 * on the second core. Steps arrive in order; chunks in buffers of a {@link ChunkPool}, given back once written.
 * A failure (a full drive) is kept and the remaining steps are only drained, so the caller never waits forever;
 * the caller sees the failure at its next step.
 */
final class ZipStage {

    private static final double LN2 = Math.log(2);
    private static final int SAMPLE = 16 << 10;
    /** Bits per byte above which deflate gains too little to be worth its time. */
    private static final double MAX_COMPRESSIBLE_ENTROPY = 7.2;
    /** Deflate's level chosen from the entry's first chunk. */
    static final int BY_CONTENT = -2;

    private interface Step {
    }

    /** A new entry with its first chunk, which decides whether deflate pays. */
    private record Begin(ZipEntry entry, int level, byte[] buffer, int length) implements Step {
    }

    private record Chunk(byte[] buffer, int length) implements Step {
    }

    private record End() implements Step {
    }

    private record Finish() implements Step {
    }

    private final ZipOutputStream zip;
    private final ChunkPool pool;
    private final BlockingQueue<Step> steps = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean abandoned;

    ZipStage(OutputStream out, ChunkPool pool) {
        this.zip = new WideZipOutputStream(out);
        this.pool = pool;
        thread = SideThread.start(this::run, "riddance-zip-writer");
    }

    void begin(ZipEntry entry, int level, byte[] buffer, int length) throws IOException {
        put(new Begin(entry, level, buffer, length));
    }

    void write(byte[] buffer, int length) throws IOException {
        put(new Chunk(buffer, length));
    }

    void end() throws IOException {
        put(new End());
    }

    /** Ends the zip (its central directory) and waits until everything is written out of this process. */
    void finish() throws IOException {
        put(new Finish());
        join();
        throwIfFailed();
    }

    /**
     * Stops the thread, dropping what it has not written yet (a cancel or a failure on the caller's side), and
     * closes the zip; after a {@link #finish} only closes it.
     */
    void close() throws IOException {
        if (thread.isAlive()) {
            abandoned = true;
            steps.add(new Finish());
            join();
        }
        zip.close();
    }

    /** The failure of the zip's thread, as an {@link IOException} the caller can explain (a full drive). */
    void throwIfFailed() throws IOException {
        Throwable failed = failure;
        if (failed != null) {
            throw new ArchiveWriteException(failed);
        }
    }

    private void put(Step step) throws IOException {
        throwIfFailed();
        steps.add(step);
    }

    private void join() throws InterruptedIOException {
        SideThread.join(thread, "the archive was being written");
    }

    private void run() {
        while (true) {
            Step step;
            try {
                step = steps.take();
            } catch (InterruptedException e) {
                failure = e; // nothing interrupts this thread; if something does, drain on
                continue;
            }
            try {
                if (failure == null && !abandoned) {
                    perform(step);
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                if (step instanceof Begin begin) {
                    pool.give(begin.buffer());
                } else if (step instanceof Chunk chunk) {
                    pool.give(chunk.buffer());
                }
            }
            if (step instanceof Finish) {
                return;
            }
        }
    }

    private void perform(Step step) throws IOException {
        if (step instanceof Begin begin) {
            int level = begin.level() != BY_CONTENT ? begin.level()
                    : compresses(begin.buffer(), begin.length()) ? Deflater.BEST_SPEED : Deflater.NO_COMPRESSION;
            zip.setLevel(level);
            zip.putNextEntry(begin.entry());
            zip.write(begin.buffer(), 0, begin.length());
        } else if (step instanceof Chunk chunk) {
            zip.write(chunk.buffer(), 0, chunk.length());
        } else if (step instanceof End) {
            zip.closeEntry();
        } else {
            zip.finish();
            zip.flush();
        }
    }

    /**
     * Whether deflate will pay for this file, judged by the byte entropy of its first 16 KB: packed or
     * encrypted data is close to 8 bits per byte, text and settings far below. Counting bytes costs a few
     * microseconds, where trial-compressing the sample cost more than copying small files.
     */
    private static boolean compresses(byte[] buffer, int sampleLength) {
        int length = Math.min(sampleLength, SAMPLE);
        if (length < 512) {
            return true;
        }
        int[] counts = new int[256];
        for (int i = 0; i < length; i++) {
            counts[buffer[i] & 0xFF]++;
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / length;
                bits -= p * Math.log(p) / LN2;
            }
        }
        return bits < MAX_COMPRESSIBLE_ENTROPY;
    }

    /**
     * Deflate's output in 64 KB pieces instead of the JDK's 512 bytes: the stored blocks of packed files then leave
     * in one native call and one write per 64 KB, not 128 of each. {@code buf} is the field the JDK leaves to
     * subclasses for this.
     */
    private static final class WideZipOutputStream extends ZipOutputStream {
        WideZipOutputStream(OutputStream out) {
            super(out);
            buf = new byte[ChunkPool.CHUNK];
        }
    }

    /** Writing the archive failed on the zip's thread; the message is the drive's own ("No space left on device"). */
    static final class ArchiveWriteException extends IOException {
        ArchiveWriteException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
