package org.riddance.backup;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Reads an archive back in one pass: the whole file's SHA-256, every entry's SHA-256 against the manifest,
 * and the zip's own CRCs. Entries the manifest does not list, or listed entries that are missing, are
 * problems too. Nothing is extracted to disk.
 */
public final class ArchiveVerifier {

    static final int BUFFER = 1 << 16;
    private static final int MAX_MANIFEST = Manifest.MAX_BYTES;

    private ArchiveVerifier() {
    }

    public static ArchiveCheck verify(Path archive, Progress progress, Cancellation cancel) throws IOException {
        long size = Files.size(archive);
        Map<String, Seen> seen = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        byte[] manifestBytes = null;
        String sha256;
        try (ReadAhead file = new ReadAhead(archive); // hashes the whole file on a second thread
             CountingInputStream counted = new CountingInputStream(file);
             ZipInputStream zip = new WideZipInputStream(new BufferedInputStream(counted, BUFFER))) {
            byte[] buffer = new byte[BUFFER];
            try {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    cancel.throwIfCancelled();
                    String name = entry.getName();
                    String unsafe = EntryName.problem(name);
                    if (unsafe != null) {
                        problems.add("Entry '" + name + "' has an unsafe name (" + unsafe + ")");
                    }
                    if (seen.containsKey(name) || (name.equals(Manifest.NAME) && manifestBytes != null)) {
                        problems.add("Entry '" + name + "' appears twice");
                    }
                    if (name.equals(Manifest.NAME)) {
                        manifestBytes = readSmall(zip, buffer);
                        continue;
                    }
                    MessageDigest entryHash = Sha256.digest();
                    long entrySize = 0;
                    for (int n; (n = zip.read(buffer)) > 0; ) {
                        entryHash.update(buffer, 0, n);
                        entrySize += n;
                        progress.update(counted.count(), size, name);
                        cancel.throwIfCancelled();
                    }
                    seen.put(name, new Seen(HexFormat.of().formatHex(entryHash.digest()), entrySize));
                }
            } catch (java.io.EOFException e) {
                problems.add(cutShort(counted.count(), size));
            } catch (ZipException e) {
                problems.add(e.getMessage() != null && e.getMessage().contains("manifest.json is larger")
                        ? "The archive's " + e.getMessage() + ": it is not a Riddance manifest. Use another copy of the back-up."
                        : "The archive is damaged: " + e.getMessage() + " (read " + counted.count() + " of " + size
                        + " bytes). Copy it again from the original drive, or make a new back-up.");
            }
            counted.transferTo(OutputStream.nullOutputStream()); // the central directory, into the archive hash
            sha256 = file.sha256();
        }
        Manifest manifest = compare(manifestBytes, seen, problems);
        progress.update(size, size, "read back");
        return new ArchiveCheck(archive, problems.isEmpty(), sha256, size, seen.size(), problems, manifest);
    }

    /**
     * A zip whose data stops before its entries do ("Unexpected end of ZLIB input stream" in Java's words): the
     * file was not copied to the end, or the drive was pulled while it was written.
     */
    static String cutShort(long read, long size) {
        return "The archive is cut short: its data ends after " + Sizes.human(read) + " (" + read + " bytes) in the"
                + " middle of an entry, and the file has no table of contents (" + size + " bytes in all). It was not"
                + " copied or written to the end. Copy it again from the original drive (wait until the copy"
                + " finishes before unplugging), or make a new back-up.";
    }

    private static Manifest compare(byte[] manifestBytes, Map<String, Seen> seen, List<String> problems) {
        if (manifestBytes == null) {
            if (problems.isEmpty() && seen.isEmpty()) {
                problems.add("This is not a Riddance back-up archive (no zip entries)");
            } else {
                problems.add("The archive has no manifest.json, so its contents cannot be checked");
            }
            return null;
        }
        Manifest manifest;
        try {
            manifest = Manifest.parse(manifestBytes);
        } catch (IOException e) {
            problems.add("The manifest cannot be read: " + e.getMessage());
            return null;
        }
        Map<String, Seen> unlisted = new HashMap<>(seen);
        for (ManifestEntry listed : manifest.entries()) {
            Seen actual = unlisted.remove(listed.path());
            if (actual == null) {
                problems.add("'" + listed.path() + "' is listed in the manifest but missing from the archive");
            } else if (!actual.sha256().equals(listed.sha256()) || actual.size() != listed.size()) {
                problems.add("'" + listed.path() + "' does not match the manifest (SHA-256 " + actual.sha256()
                        + ", expected " + listed.sha256() + ")");
            }
        }
        unlisted.keySet().stream().sorted().forEach(name ->
                problems.add("'" + name + "' is in the archive but not in the manifest"));
        return manifest;
    }

    private static byte[] readSmall(InputStream in, byte[] buffer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_MANIFEST) {
                throw new ZipException("manifest.json is larger than " + (MAX_MANIFEST >> 20) + " MB");
            }
        }
        return out.toByteArray();
    }

    /**
     * Inflate's input in 64 KB pieces instead of the JDK's 512 bytes, so the stored blocks of packed files pass in one
     * native call per 64 KB, not 128. What an entry leaves unread goes back through the pushback stream, which
     * must then hold as much; {@code buf} and {@code in} are the fields the JDK leaves to subclasses.
     */
    private static final class WideZipInputStream extends ZipInputStream {
        WideZipInputStream(InputStream source) {
            super(source);
            in = new java.io.PushbackInputStream(source, BUFFER); // before anything is read
            buf = new byte[BUFFER];
        }
    }

    private record Seen(String sha256, long size) {
    }
}
