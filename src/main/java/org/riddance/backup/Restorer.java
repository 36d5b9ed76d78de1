package org.riddance.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Restores an archive into an empty folder. Every entry must be named safely, listed in the manifest and
 * match its hash; a link entry, a name that climbs out ({@code ..}, absolute, drive letter) or an unlisted
 * entry is refused and nothing is written for it. Each file is written under a temporary name and moved
 * into place only once its hash matches, so a refused entry never leaves a file behind.
 */
public final class Restorer {

    private Restorer() {
    }

    public static RestoreResult restore(Path archive, Path target, Progress progress, Cancellation cancel)
            throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IOException("There is no archive at " + archive);
        }
        prepareTarget(target);
        Path realTarget = target.toRealPath();
        Set<String> links;
        try {
            links = new HashSet<>(CentralDirectory.links(archive));
        } catch (java.util.zip.ZipException e) {
            throw damaged(archive, e);
        }
        List<String> refused = new ArrayList<>();
        int files = 0;
        long bytes = 0;
        try (ZipFile zip = open(archive)) {
            Map<String, ManifestEntry> listed = manifest(zip);
            long total = listed.values().stream().mapToLong(ManifestEntry::size).sum();
            byte[] buffer = new byte[ArchiveVerifier.BUFFER];
            for (ZipEntry entry : zip.stream().toList()) {
                cancel.throwIfCancelled();
                String name = entry.getName();
                if (name.equals(Manifest.NAME) || entry.isDirectory()) {
                    continue;
                }
                String why = refusal(name, links, listed, realTarget);
                if (why != null) {
                    refused.add(name + ": " + why);
                    continue;
                }
                ManifestEntry expected = listed.get(name);
                Path destination = destination(realTarget, name, expected);
                Files.createDirectories(destination.getParent());
                if (!destination.getParent().toRealPath().startsWith(realTarget)) {
                    refused.add(name + ": its folder leads outside " + target);
                    continue;
                }
                Path temporary = Files.createTempFile(destination.getParent(), ".restore-", ".part");
                MessageDigest hash = Sha256.digest();
                try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(temporary)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        hash.update(buffer, 0, n);
                        out.write(buffer, 0, n);
                        bytes += n;
                        progress.update(bytes, total, name);
                        cancel.throwIfCancelled();
                    }
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(temporary);
                    if (e instanceof java.util.zip.ZipException) {
                        refused.add(name + ": damaged in the archive (" + e.getMessage() + ")");
                        continue;
                    }
                    throw e;
                }
                if (!HexFormat.of().formatHex(hash.digest()).equals(expected.sha256())) {
                    Files.delete(temporary);
                    refused.add(name + ": does not match its SHA-256 in the manifest");
                    continue;
                }
                Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE);
                keepModifiedTime(destination, expected.mtime());
                files++;
            }
        }
        return new RestoreResult(target, files, bytes, refused);
    }

    /**
     * Where an entry lands: under its stored name, or, when the name had to be encoded in the zip ({@code \\} in a
     * Linux name), under the name the machine gave it, if this OS can hold it and it stays one name per level.
     */
    static Path destination(Path target, String name, ManifestEntry entry) {
        Path plain = target.resolve(name).normalize();
        if (entry.names().isEmpty() || entry.item().isEmpty() || !name.startsWith(entry.item() + "/")
                || EntryName.problem(entry.item()) != null) {
            return plain;
        }
        try {
            Path exact = target.resolve(entry.item());
            for (String part : entry.names()) {
                if (EntryName.segmentProblem(part) != null) {
                    return plain;
                }
                exact = exact.resolve(part);
            }
            exact = exact.normalize();
            return exact.startsWith(target) && exact.getNameCount() == target.getNameCount()
                    + entry.item().split("/").length + entry.names().size() ? exact : plain;
        } catch (java.nio.file.InvalidPathException e) {
            return plain; // Windows cannot hold the name: the encoded one keeps every character
        }
    }

    private static ZipFile open(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (java.util.zip.ZipException e) {
            throw damaged(archive, e);
        }
    }

    private static IOException damaged(Path archive, java.util.zip.ZipException e) {
        return new IOException("The archive " + archive.getFileName() + " cannot be opened as a zip (" + e.getMessage()
                + "): it is cut short or damaged. Copy it again from the original drive, or make a new back-up."
                + " Nothing was restored.", e);
    }

    private static void keepModifiedTime(Path file, String mtime) throws IOException {
        try {
            if (!mtime.isEmpty()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.parse(mtime)));
            }
        } catch (java.time.format.DateTimeParseException ignored) {
            // the time is a courtesy; the content has been checked
        }
    }

    private static String refusal(String name, Set<String> links, Map<String, ManifestEntry> listed, Path target) {
        String unsafe = EntryName.problem(name);
        if (unsafe != null) {
            return "refused, it would land outside the target (" + unsafe + ")";
        }
        if (links.contains(name)) {
            return "refused, it is a link";
        }
        if (!listed.containsKey(name)) {
            return "refused, it is not listed in the manifest";
        }
        if (!target.resolve(name).normalize().startsWith(target)) {
            return "refused, it would land outside the target";
        }
        return null;
    }

    private static Map<String, ManifestEntry> manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(Manifest.NAME);
        if (entry == null) {
            throw new IOException("The archive has no manifest.json, so it cannot be restored safely");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            Map<String, ManifestEntry> byPath = new HashMap<>();
            Manifest.parse(in.readNBytes(Manifest.MAX_BYTES + 1)).entries().forEach(e -> byPath.put(e.path(), e));
            return byPath;
        }
    }

    private static void prepareTarget(Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IOException(target + " is a link; restore into a real, empty folder");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target)) {
                throw new IOException(target + " is a file; restore into an empty folder");
            }
            try (Stream<Path> children = Files.list(target)) {
                if (children.findAny().isPresent()) {
                    throw new IOException(target + " is not empty; restore into an empty folder so nothing is overwritten");
                }
            }
        }
        Files.createDirectories(target);
    }
}
