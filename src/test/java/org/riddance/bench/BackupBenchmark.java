package org.riddance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.riddance.backup.ArchiveCheck;
import org.riddance.backup.BackupPlan;
import org.riddance.backup.BackupPlanner;
import org.riddance.backup.BackupWriter;
import org.riddance.backup.ReadBack;
import org.riddance.backup.WrittenBackup;
import org.riddance.catalog.CatalogLoader;
import org.riddance.catalog.Category;
import org.riddance.detect.Finding;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.OsFamily;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Back-up throughput on a 1 GB tree shaped like a product's data: packed quarantine objects (600 MB in 2 MB
 * files), text logs (300 MB in 100 KB files) and many small settings and report files (100 MB of 5 KB).
 * Runs the write pass and read-back against their anchors ({@code tar -cf - DIR | sha256sum}; tar to a file, sync,
 * sha256sum of it) in interleaved pairs and prints the ratios. Run by {@code src/bench/backup.sh}, which also times
 * the whole {@code riddance backup} command.
 */
public final class BackupBenchmark {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int pairs = Integer.parseInt(args[2]);
        Path tree = root.resolve("var/log/kaspersky/kesl");
        if (!Files.exists(tree.resolve(".complete"))) {
            build(tree);
        }
        if (args.length > 3 && args[3].equals("tree-only")) {
            return;
        }
        Host host = Hosts.sandbox(root);
        Finding kesl = new Finding("kesl", "Kaspersky Endpoint Security for Linux", "kaspersky", Category.PRODUCT, "12",
                OsFamily.LINUX, List.of(), List.of(), true);
        BackupPlan plan = new BackupPlanner(host, CatalogLoader.builtIn()).plan(List.of(kesl), Progress.NONE,
                Cancellation.none());
        List<Double> writeRatios = new ArrayList<>();
        List<Double> wholeRatios = new ArrayList<>();
        List<Long> writes = new ArrayList<>();
        List<Long> verifies = new ArrayList<>();
        List<Long> streamAnchors = new ArrayList<>();
        List<Long> fileAnchors = new ArrayList<>();
        long archiveBytes = 0;
        Files.createDirectories(out);
        for (int i = 0; i < pairs + 1; i++) { // the first pair warms the JIT and the page cache
            long streamAnchor = timed(() -> tarToSha256sum(tree));
            BackupWriter writer = new BackupWriter(host, Clock.systemUTC(), "bench");
            long start = System.nanoTime();
            WrittenBackup written = writer.write(plan, writer.archiveIn(out), "bench", Progress.NONE, Cancellation.none());
            long wrote = System.nanoTime();
            ArchiveCheck check = ReadBack.verify(written, host, Progress.NONE, Cancellation.none());
            long verified = System.nanoTime();
            if (!check.intact()) {
                throw new IllegalStateException("benchmark archive did not verify: " + check.problems());
            }
            archiveBytes = check.bytes();
            Files.delete(written.archive());
            long fileAnchor = timed(() -> tarToFileSyncAndReread(tree, out.resolve("anchor.tar")));
            if (i > 0) {
                long write = (wrote - start) / 1_000_000;
                long whole = (verified - start) / 1_000_000;
                writes.add(write);
                verifies.add((verified - wrote) / 1_000_000);
                streamAnchors.add(streamAnchor);
                fileAnchors.add(fileAnchor);
                writeRatios.add((double) write / streamAnchor);
                wholeRatios.add((double) whole / fileAnchor);
            }
        }
        System.out.printf("tree: %d MB in %d files; archive %d MB; %d interleaved pairs%n", plan.knownBytes() >> 20,
                plan.files(), archiveBytes >> 20, pairs);
        System.out.printf("write pass (in process, with the final flush) %d ms vs tar -cf - DIR | sha256sum %d ms: "
                + "ratio %s (target 1.2)%n", median(writes), median(streamAnchors), ratios(writeRatios));
        System.out.printf("write + read-back (in process) %d ms (read-back %d ms) vs tar -cf FILE DIR + sync FILE + "
                + "sha256sum FILE %d ms: ratio %s%n", median(writes) + median(verifies), median(verifies),
                median(fileAnchors), ratios(wholeRatios));
        System.out.printf("peak RSS of this JVM: %s%n", peakRss());
    }

    private interface Work {
        void run() throws IOException, InterruptedException;
    }

    private static long timed(Work work) throws IOException, InterruptedException {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void tarToSha256sum(Path tree) throws IOException, InterruptedException {
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder("tar", "-cf", "-", "-C", tree.toString(), "."),
                new ProcessBuilder("sha256sum").redirectOutput(ProcessBuilder.Redirect.DISCARD)));
        for (Process p : pipeline) {
            if (p.waitFor() != 0) {
                throw new IOException("the anchor " + p.info().command().orElse("?") + " failed");
            }
        }
    }

    private static void tarToFileSyncAndReread(Path tree, Path file) throws IOException, InterruptedException {
        try {
            run("tar", "-cf", file.toString(), "-C", tree.toString(), ".");
            run("sync", file.toString());
            run("sha256sum", file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", argv) + " failed");
        }
    }

    /** Median and range of the per-pair ratios. */
    static String ratios(List<Double> ratios) {
        List<Double> sorted = new ArrayList<>(ratios);
        Collections.sort(sorted);
        return String.format(java.util.Locale.ROOT, "%.2f (%.2f-%.2f)", sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    private static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring("VmHWM:".length()).strip()).findFirst().orElse("unknown");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void build(Path dir) throws IOException {
        Random random = new Random(42);
        byte[] packed = new byte[2 << 20];
        for (int i = 0; i < 300; i++) {
            random.nextBytes(packed);
            write(dir.resolve("quarantine/" + (i % 10) + "/object-" + i + ".klq"), packed);
        }
        StringBuilder log = new StringBuilder();
        for (int i = 0; log.length() < 100_000; i++) {
            log.append("2026-11-20 10:").append(i % 60).append(':').append(i % 97)
                    .append(" ODS task 17 object /home/user/Documents/file-").append(random.nextInt(100_000))
                    .append(".docx scanned, result ok, engine 12.1.0.1297 bases 2026-11-20\n");
        }
        byte[] logBytes = log.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3000; i++) {
            write(dir.resolve("reports/" + (i % 30) + "/report-" + i + ".log"), logBytes);
        }
        byte[] small = new byte[5 << 10];
        for (int i = 0; i < 20_000; i++) {
            random.nextBytes(small);
            write(dir.resolve("settings/" + (i % 200) + "/item-" + i + ".dat"), small);
        }
        Files.writeString(dir.resolve(".complete"), "");
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
