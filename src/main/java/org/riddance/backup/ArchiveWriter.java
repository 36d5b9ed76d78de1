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
 * uncompressed blocks, because compressing it costs ten times the time for nothing; a 16 KB sample decides.
 */
final class ArchiveWriter implements Closeable {

    private static final int SAMPLE = 16 << 10;

    private final OutputStream file;
    private final ZipOutputStream zip;
    private final List<ManifestEntry> entries = new ArrayList<>();
    private final Deflater probe = new Deflater(Deflater.BEST_SPEED, true);
    private final byte[] buffer = new byte[ArchiveVerifier.BUFFER];
    private final byte[] probeOut = new byte[SAMPLE + 1024];

    /** Told of every chunk copied, so the caller can report progress and stop between chunks. */
    interface ChunkListener {
        void copied(int bytes) throws IOException;
    }

    ArchiveWriter(Path file) throws IOException {
        this.file = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        zip = new ZipOutputStream(new BufferedOutputStream(this.file, ArchiveVerifier.BUFFER));
    }

    ManifestEntry add(String name, String kind, String source, String product, String item, InputStream in, FileTime mtime,
                      ChunkListener listener) throws IOException {
        String unsafe = EntryName.problem(name);
        if (unsafe != null) {
            throw new IllegalArgumentException("Unsafe entry name " + name + ": " + unsafe);
        }
        int first = in.readNBytes(buffer, 0, buffer.length);
        zip.setLevel(compresses(first) ? Deflater.BEST_SPEED : Deflater.NO_COMPRESSION);
        ZipEntry entry = new ZipEntry(name);
        if (mtime != null) {
            entry.setLastModifiedTime(mtime);
        }
        zip.putNextEntry(entry);
        MessageDigest hash = Sha256.digest();
        long size = 0;
        for (int n = first; n > 0; n = in.read(buffer)) {
            hash.update(buffer, 0, n);
            zip.write(buffer, 0, n);
            size += n;
            listener.copied(n);
        }
        zip.closeEntry();
        ManifestEntry written = new ManifestEntry(name, kind, source, product, item, size,
                mtime == null ? "" : mtime.toInstant().toString(), HexFormat.of().formatHex(hash.digest()));
        entries.add(written);
        return written;
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

    private boolean compresses(int sampleLength) {
        if (sampleLength < 1024) {
            return true;
        }
        int length = Math.min(sampleLength, SAMPLE);
        probe.reset();
        probe.setInput(buffer, 0, length);
        probe.finish();
        int compressed = 0;
        while (!probe.finished()) {
            compressed += probe.deflate(probeOut);
        }
        return compressed < length * 0.9;
    }

    @Override
    public void close() throws IOException {
        probe.end();
        try {
            zip.close();
        } finally {
            // When the drive is full, closing the zip fails before it closes the file; the handle must still go,
            // or the technician cannot eject the stick.
            file.close();
        }
    }
}
