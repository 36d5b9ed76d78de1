package org.riddance.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An archive file read on a thread of its own, which also hashes the whole file as it goes, while the caller
 * unpacks and hashes the entries from this stream on its own core. Chunks travel in buffers of a
 * {@link ChunkPool}, so at most its 2 MB are read ahead. Closing stops the thread.
 */
final class ReadAhead extends InputStream {

    /** A chunk read; an empty one ends the file, one with a failure carries the read's error. */
    private record Chunk(byte[] buffer, int length, IOException failure) {
    }

    private final ChunkPool pool = new ChunkPool();
    private final BlockingQueue<Chunk> filled = new LinkedBlockingQueue<>();
    private final MessageDigest whole = Sha256.digest();
    private final Thread thread;
    private Chunk current;
    private int at;
    private boolean ended;

    ReadAhead(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        thread = SideThread.start(() -> readAll(in), "riddance-read-ahead");
    }

    private void readAll(InputStream in) {
        try (in) {
            while (true) {
                byte[] buffer = pool.take();
                int n = in.readNBytes(buffer, 0, buffer.length);
                whole.update(buffer, 0, n);
                filled.add(new Chunk(buffer, n, null));
                if (n < buffer.length) {
                    return;
                }
            }
        } catch (InterruptedIOException e) {
            // closed by the caller
        } catch (IOException e) {
            filled.add(new Chunk(null, 0, e));
        }
    }

    /** The whole file's SHA-256 in hex; only once this stream has been read to its end. */
    String sha256() {
        if (!ended) {
            throw new IllegalStateException("the archive has not been read to its end");
        }
        return HexFormat.of().formatHex(whole.digest());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || at == current.length()) {
            if (ended) {
                return -1;
            }
            next();
        }
        int n = Math.min(len, current.length() - at);
        System.arraycopy(current.buffer(), at, b, off, n);
        at += n;
        return n;
    }

    private void next() throws IOException {
        if (current != null) {
            pool.give(current.buffer());
            current = null;
        }
        Chunk chunk;
        try {
            chunk = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the archive");
        }
        if (chunk.failure() != null) {
            ended = true;
            throw chunk.failure();
        }
        current = chunk;
        at = 0;
        ended = chunk.length() < chunk.buffer().length;
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        SideThread.join(thread, "closing the archive");
    }
}
