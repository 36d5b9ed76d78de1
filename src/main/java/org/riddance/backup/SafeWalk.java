package org.riddance.backup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists a folder's files without ever following a link: a link inside a product folder could otherwise lead the
 * back-up to read, and removal to delete, anything on the machine. Links, FIFOs, sockets and devices are listed
 * as skipped with the reason, so the gap is on record; a file that vanishes while the folder is listed (a log
 * rotated) is simply not there.
 */
public final class SafeWalk {

    /** One regular file: its path, and its path below the folder as the file system names it, level by level. */
    public record Found(Path file, List<String> names, BasicFileAttributes attributes) {
    }

    /** Something in the folder that is not copied, and why. */
    public record Skipped(Path file, List<String> names, String reason) {
    }

    public record Listing(List<Found> files, List<Skipped> skipped) {
    }

    private SafeWalk() {
    }

    public static Listing list(Path folder) throws IOException {
        List<Found> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                List<String> names = names(folder, file);
                if (attrs.isRegularFile()) {
                    files.add(new Found(file, names, attrs));
                } else if (attrs.isSymbolicLink()) {
                    skipped.add(new Skipped(file, names, "a link" + target(file) + ", not followed"));
                } else if (!attrs.isDirectory()) {
                    skipped.add(new Skipped(file, names, "a " + special(file) + ", not a regular file"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (!(e instanceof NoSuchFileException)) {
                    skipped.add(new Skipped(file, names(folder, file), "cannot be read: " + reason(e)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort((a, b) -> a.file().compareTo(b.file()));
        return new Listing(files, skipped);
    }

    /** Bytes of the folder's regular files now; 0 for a folder that is gone. */
    static long bytes(Path folder) {
        try {
            return list(folder).files().stream().mapToLong(f -> f.attributes().size()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** A file's path as the machine names it: {@code C:\\ProgramData\\Kaspersky Lab\\x}, {@code /var/log/kaspersky/x}. */
    public static String systemPath(String folder, List<String> names) {
        boolean windows = folder.contains("\\");
        String separator = windows ? "\\" : "/";
        String base = folder.endsWith(separator) ? folder : folder + separator;
        return base + String.join(separator, names);
    }

    static List<String> names(Path folder, Path file) {
        List<String> names = new ArrayList<>();
        for (Path part : folder.relativize(file)) {
            names.add(part.toString());
        }
        return names;
    }

    static String reason(IOException e) {
        return e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getClass().getSimpleName().replace("Exception", "");
    }

    private static String target(Path link) {
        try {
            return " to " + Files.readSymbolicLink(link);
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** FIFOs, sockets and devices: Java tells them apart only through the Unix mode. */
    private static String special(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return switch (mode & 0170000) {
                case 0010000 -> "FIFO (named pipe)";
                case 0140000 -> "socket";
                case 0020000 -> "character device";
                case 0060000 -> "block device";
                default -> "special file";
            };
        } catch (IOException | RuntimeException e) {
            return "special file";
        }
    }
}
