package org.riddance.backup;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

/**
 * Writes the zip in one streaming pass: each source is read once, hashed and written as it goes. The calling
 * thread reads and hashes; the zip's CRC, deflate and writes run on a second thread ({@link ZipStage}), the two
 * handing each other buffers from a small fixed pool. Data that does not compress (quarantine stores are already
 * packed, reports often are) is stored in deflate's uncompressed blocks, because compressing it costs ten times
 * the time for nothing; the first 16 KB decide.
 */
final class ArchiveWriter implements Closeable {

    private final OutputStream file;
    private final ChunkPool pool = new ChunkPool();
    private final ZipStage zip;
    private final List<ManifestEntry> entries = new ArrayList<>();

    /** Told of every chunk copied, so the caller can report progress and stop between chunks. */
    interface ChunkListener {
        void copied(int bytes) throws IOException;
    }

    ArchiveWriter(Path file) throws IOException {
        this(Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
    }

    /**
     * Writes through a channel the caller keeps open (and closes): its lock marks the partial archive as live,
     * and on Linux closing any handle to the file would drop that lock. What is written is put on the drive as
     * the write goes ({@link EarlyWriteBack}).
     */
    ArchiveWriter(java.nio.channels.FileChannel channel) throws IOException {
        this(new EarlyWriteBack(channel), channel);
    }

    private ArchiveWriter(EarlyWriteBack writeBack, java.nio.channels.FileChannel channel) {
        this(new java.io.FilterOutputStream(java.nio.channels.Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                writeBack.wrote(len);
            }

            @Override
            public void close() throws IOException {
                try {
                    flush();
                } finally {
                    writeBack.close();
                }
            }
        });
    }

    private ArchiveWriter(OutputStream out) {
        this.file = out;
        zip = new ZipStage(new BufferedOutputStream(this.file, ArchiveVerifier.BUFFER), pool);
    }

    ManifestEntry add(String name, String kind, String source, String product, String item, InputStream in, FileTime mtime,
                      ChunkListener listener) throws IOException {
        return add(name, kind, source, product, item, in, mtime, listener, List.of());
    }

    /**
     * @param names the file's own path below its item when {@code name} had to encode it, else empty
     * @throws SourceReadException when the source fails; if it failed part-way, what was read is kept as an
     *                             {@value ManifestEntry#INCOMPLETE} entry, so the archive stays consistent
     */
    ManifestEntry add(String name, String kind, String source, String product, String item, InputStream in, FileTime mtime,
                      ChunkListener listener, List<String> names) throws IOException {
        String unsafe = EntryName.problem(name);
        if (unsafe != null) {
            throw new IllegalArgumentException("Unsafe entry name " + name + ": " + unsafe);
        }
        byte[] buffer = pool.take();
        int n;
        try {
            n = in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            pool.give(buffer);
            throw new SourceReadException(e);
        }
        ZipEntry entry = new ZipEntry(name);
        if (mtime != null) {
            entry.setLastModifiedTime(mtime);
        }
        zip.begin(entry, ZipStage.BY_CONTENT, buffer, n);
        MessageDigest hash = Sha256.digest();
        long size = 0;
        SourceReadException failed = null;
        while (n > 0) {
            hash.update(buffer, 0, n); // while the zip's thread deflates and writes the same bytes
            size += n;
            listener.copied(n);
            buffer = pool.take();
            try {
                n = in.readNBytes(buffer, 0, buffer.length);
            } catch (IOException e) {
                pool.give(buffer);
                failed = new SourceReadException(e);
                break;
            }
            if (n > 0) {
                zip.write(buffer, n);
            } else {
                pool.give(buffer);
            }
        }
        zip.end();
        ManifestEntry written = new ManifestEntry(name, failed == null ? kind : ManifestEntry.INCOMPLETE, source, product,
                item, size, mtime == null ? "" : mtime.toInstant().toString(), HexFormat.of().formatHex(hash.digest()),
                names);
        entries.add(written);
        if (failed != null) {
            throw failed;
        }
        return written;
    }

    /** The source could not be read (gone, denied, an I/O error): the back-up records it and goes on. */
    static final class SourceReadException extends IOException {
        SourceReadException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    List<ManifestEntry> entries() {
        return List.copyOf(entries);
    }

    /** Writes the manifest as the last entry and closes the zip, waiting until every byte has left this process. */
    void finish(Manifest manifest) throws IOException {
        byte[] json = manifest.toJson();
        ZipEntry entry = new ZipEntry(Manifest.NAME);
        for (int at = 0; at == 0 || at < json.length; ) {
            byte[] buffer = pool.take();
            int n = Math.min(buffer.length, json.length - at);
            System.arraycopy(json, at, buffer, 0, n);
            if (at == 0) {
                zip.begin(entry, Deflater.BEST_SPEED, buffer, n);
            } else {
                zip.write(buffer, n);
            }
            at += Math.max(n, 1);
        }
        zip.end();
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        try {
            zip.close();
        } finally {
            // When the drive is full, closing the zip fails before it closes the file; the handle must still go,
            // or the technician cannot eject the stick.
            file.close();
        }
    }
}
