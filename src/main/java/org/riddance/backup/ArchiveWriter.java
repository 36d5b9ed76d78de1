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
import java.util.zip.ZipOutputStream;

/**
 * Writes the zip in one streaming pass: each source is read once, hashed and written as it goes. Data that
 * does not compress (quarantine stores are already packed, reports often are) is stored in deflate's
 * uncompressed blocks, because compressing it costs ten times the time for nothing; the first 16 KB decide.
 */
final class ArchiveWriter implements Closeable {

    private static final int SAMPLE = 16 << 10;
    private static final double LN2 = Math.log(2);
    /** Bits per byte above which deflate gains too little to be worth its time. */
    private static final double MAX_COMPRESSIBLE_ENTROPY = 7.2;

    private final OutputStream file;
    private final ZipOutputStream zip;
    private final List<ManifestEntry> entries = new ArrayList<>();
    private final byte[] buffer = new byte[ArchiveVerifier.BUFFER];

    /** Told of every chunk copied, so the caller can report progress and stop between chunks. */
    interface ChunkListener {
        void copied(int bytes) throws IOException;
    }

    ArchiveWriter(Path file) throws IOException {
        this(Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
    }

    /**
     * Writes through a channel the caller keeps open (and closes): its lock marks the partial archive as live,
     * and on Linux closing any handle to the file would drop that lock.
     */
    ArchiveWriter(java.nio.channels.FileChannel channel) throws IOException {
        this(new java.io.FilterOutputStream(java.nio.channels.Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
    }

    private ArchiveWriter(OutputStream out) {
        this.file = out;
        zip = new ZipOutputStream(new BufferedOutputStream(this.file, ArchiveVerifier.BUFFER));
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
        int first;
        try {
            first = in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
        zip.setLevel(compresses(first) ? Deflater.BEST_SPEED : Deflater.NO_COMPRESSION);
        ZipEntry entry = new ZipEntry(name);
        if (mtime != null) {
            entry.setLastModifiedTime(mtime);
        }
        zip.putNextEntry(entry);
        MessageDigest hash = Sha256.digest();
        long size = 0;
        SourceReadException failed = null;
        for (int n = first; n > 0; ) {
            hash.update(buffer, 0, n);
            zip.write(buffer, 0, n);
            size += n;
            listener.copied(n);
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                failed = new SourceReadException(e);
                break;
            }
        }
        zip.closeEntry();
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

    /** Writes the manifest as the last entry and closes the zip. */
    void finish(Manifest manifest) throws IOException {
        zip.setLevel(Deflater.BEST_SPEED);
        zip.putNextEntry(new ZipEntry(Manifest.NAME));
        zip.write(manifest.toJson());
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    /**
     * Whether deflate will pay for this file, judged by the byte entropy of its first 16 KB: packed or
     * encrypted data is close to 8 bits per byte, text and settings far below. Counting bytes costs a few
     * microseconds, where trial-compressing the sample cost more than copying small files.
     */
    private boolean compresses(int sampleLength) {
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
