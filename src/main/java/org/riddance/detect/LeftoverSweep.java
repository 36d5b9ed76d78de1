package org.riddance.detect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import org.riddance.work.Cancellation;

/**
 * Walks a folder tree once to say what is in it: how many files, how many bytes, how recent. Links are not
 * followed (a leftover folder must never lead the sweep, or later the removal, outside itself); unreadable
 * entries are counted, not fatal. Subfolders are walked in parallel: the work is one {@code lstat} per entry,
 * and on a 200,000-file tree that is what separates us from {@code find}, which needs none to list names.
 */
public final class LeftoverSweep {

    private LeftoverSweep() {
    }

    public record Summary(long files, long folders, long bytes, long unreadable, Instant newest) {

        static final Summary EMPTY = new Summary(0, 0, 0, 0, Instant.EPOCH);

        Summary plus(Summary other) {
            return new Summary(files + other.files, folders + other.folders, bytes + other.bytes,
                    unreadable + other.unreadable, newest.isAfter(other.newest) ? newest : other.newest);
        }

        public String describe() {
            return count(files, "file") + " in " + count(folders, "folder") + ", " + human(bytes)
                    + (unreadable == 0 ? "" : ", " + unreadable + (unreadable == 1 ? " entry" : " entries") + " unreadable");
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

    /** Every core: the common pool keeps one back, which on a 2-core PC means walking alone. */
    private static final ForkJoinPool WALKERS = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    /** {@code folder} itself counts as one folder. */
    public static Summary summarise(Path folder, Cancellation cancellation) {
        return WALKERS.invoke(new FolderTask(folder, cancellation));
    }

    private static final class FolderTask extends RecursiveTask<Summary> {
        private final Path folder;
        private final Cancellation cancellation;

        FolderTask(Path folder, Cancellation cancellation) {
            this.folder = folder;
            this.cancellation = cancellation;
        }

        @Override
        protected Summary compute() {
            cancellation.throwIfCancelled();
            long files = 0;
            long bytes = 0;
            long unreadable = 0;
            Instant newest = Instant.EPOCH;
            List<FolderTask> subfolders = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    BasicFileAttributes attrs;
                    try {
                        attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        unreadable++;
                        continue;
                    }
                    if (attrs.isDirectory()) {
                        FolderTask sub = new FolderTask(entry, cancellation);
                        sub.fork();
                        subfolders.add(sub);
                    } else {
                        files++;
                        bytes += attrs.size();
                        Instant modified = attrs.lastModifiedTime().toInstant();
                        if (modified.isAfter(newest)) {
                            newest = modified;
                        }
                    }
                }
            } catch (IOException e) {
                unreadable++;
            }
            Summary summary = new Summary(files, 1, bytes, unreadable, newest);
            for (FolderTask sub : subfolders) {
                summary = summary.plus(sub.join());
            }
            return summary;
        }
    }
}
