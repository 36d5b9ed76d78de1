package org.riddance.detect;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import org.riddance.work.Cancellation;

/**
 * Walks a folder tree once to say what is in it: how many files, how many bytes, how recent. Links are not
 * followed (a leftover folder must never lead the sweep, or later the removal, outside itself); unreadable
 * subfolders are counted, not fatal.
 */
public final class LeftoverSweep {

    private LeftoverSweep() {
    }

    public record Summary(long files, long folders, long bytes, long unreadable, Instant newest) {
        public String describe() {
            return count(files, "file") + " in " + count(folders + 1, "folder") + ", " + human(bytes)
                    + (unreadable == 0 ? "" : ", " + count(unreadable, "entry") .replace("entrys", "entries") + " unreadable");
        }

        private static String count(long n, String noun) {
            return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
        }

        static String human(long bytes) {
            if (bytes < 1024) {
                return bytes + " B";
            }
            String[] units = {"KB", "MB", "GB", "TB"};
            double value = bytes;
            int unit = -1;
            while (value >= 1024 && unit < units.length - 1) {
                value /= 1024;
                unit++;
            }
            return String.format("%.1f %s", value, units[unit]);
        }
    }

    public static Summary summarise(Path folder, Cancellation cancellation) {
        long[] counts = new long[4]; // files, folders, bytes, unreadable
        Instant[] newest = {Instant.EPOCH};
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    cancellation.throwIfCancelled();
                    counts[1]++;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    counts[0]++;
                    counts[2] += attrs.size();
                    Instant modified = attrs.lastModifiedTime().toInstant();
                    if (modified.isAfter(newest[0])) {
                        newest[0] = modified;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    counts[3]++;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            counts[3]++;
        }
        return new Summary(counts[0], Math.max(0, counts[1] - 1), counts[2], counts[3], newest[0]);
    }
}
