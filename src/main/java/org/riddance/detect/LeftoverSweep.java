package org.riddance.detect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import org.riddance.work.Cancellation;

/**
 * Walks a folder tree once to say what is in it: how many files and folders. Links are not followed (a leftover
 * folder must never lead the sweep, or later the removal, outside itself); unreadable entries are counted, not
 * fatal. Two things keep it close to {@code find}: subfolders are walked in parallel, and, like {@code find}, it
 * uses a folder's link count (two plus its subfolders, on most Unix file systems) to stop asking about entries
 * once every subfolder has been seen, so a folder of plain files costs no call per file. Sizes are the back-up
 * plan's business; detection only needs what is there.
 */
public final class LeftoverSweep {

    private LeftoverSweep() {
    }

    public record Summary(long files, long folders, long unreadable) {

        Summary plus(Summary other) {
            return new Summary(files + other.files, folders + other.folders, unreadable + other.unreadable);
        }

        public String describe() {
            return count(files, "file") + " in " + count(folders, "folder")
                    + (unreadable == 0 ? "" : ", " + unreadable + (unreadable == 1 ? " entry" : " entries") + " unreadable");
        }

        private static String count(long n, String noun) {
            return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
        }
    }

    /** Every core: the common pool keeps one back, which on a 2-core PC means walking alone. */
    private static final ForkJoinPool WALKERS = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    /** {@code folder} itself counts as one folder. */
    public static Summary summarise(Path folder, Cancellation cancellation) {
        return WALKERS.invoke(new FolderTask(folder, cancellation));
    }

    /** Subfolders a folder has, from its link count; -1 where the file system does not keep it (Windows, btrfs). */
    static long subfolderCount(Path folder) {
        try {
            Object links = Files.getAttribute(folder, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            long n = ((Number) links).longValue();
            return n >= 2 ? n - 2 : -1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
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
            long subfoldersLeft = subfolderCount(folder);
            long files = 0;
            long unreadable = 0;
            List<FolderTask> subfolders = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    if (subfoldersLeft == 0) {
                        files++; // every subfolder is accounted for: the rest are files, links or devices
                        continue;
                    }
                    BasicFileAttributes attrs;
                    try {
                        attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        unreadable++;
                        continue;
                    }
                    if (attrs.isDirectory()) {
                        subfoldersLeft--;
                        FolderTask sub = new FolderTask(entry, cancellation);
                        sub.fork();
                        subfolders.add(sub);
                    } else {
                        files++;
                    }
                }
            } catch (IOException e) {
                unreadable++;
            }
            Summary summary = new Summary(files, 1, unreadable);
            for (FolderTask sub : subfolders) {
                summary = summary.plus(sub.join());
            }
            return summary;
        }
    }
}
