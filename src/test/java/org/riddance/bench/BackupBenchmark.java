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
 * Prints the medians of the write pass and of the read-back. Run by {@code src/bench/backup.sh}, which
 * measures {@code tar -cf - DIR | sha256sum} on the same tree for comparison.
 */
public final class BackupBenchmark {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        if (!Files.exists(root.resolve("var/log/kaspersky/kesl/.complete"))) {
            build(root.resolve("var/log/kaspersky/kesl"));
        }
        Host host = Hosts.sandbox(root);
        Finding kesl = new Finding("kesl", "Kaspersky Endpoint Security for Linux", "kaspersky", Category.PRODUCT, "12",
                OsFamily.LINUX, List.of(), List.of(), true);
        BackupPlan plan = new BackupPlanner(host, CatalogLoader.builtIn()).plan(List.of(kesl), Progress.NONE,
                Cancellation.none());
        List<Long> streams = new ArrayList<>();
        List<Long> writes = new ArrayList<>();
        List<Long> verifies = new ArrayList<>();
        long archiveBytes = 0;
        for (int i = 0; i < runs + 1; i++) {
            Files.createDirectories(out);
            BackupWriter writer = new BackupWriter(host, Clock.systemUTC(), "bench");
            long start = System.nanoTime();
            long[] flushStart = {0};
            Progress flushing = (done, total, message) -> {
                if (BackupWriter.FLUSHING.equals(message)) {
                    flushStart[0] = System.nanoTime();
                }
            };
            WrittenBackup written = writer.write(plan, writer.archiveIn(out), "bench", flushing, Cancellation.none());
            long wrote = System.nanoTime();
            ArchiveCheck check = ReadBack.verify(written, host, Progress.NONE, Cancellation.none());
            long verified = System.nanoTime();
            if (!check.intact()) {
                throw new IllegalStateException("benchmark archive did not verify: " + check.problems());
            }
            archiveBytes = check.bytes();
            Files.delete(written.archive());
            if (i > 0) { // the first run warms the JIT and the page cache
                writes.add((wrote - start) / 1_000_000);
                streams.add((flushStart[0] - start) / 1_000_000);
                verifies.add((verified - wrote) / 1_000_000);
            }
        }
        long write = median(writes);
        long verify = median(verifies);
        System.out.printf("tree: %d MB in %d files; archive %d MB%n", plan.knownBytes() >> 20, plan.files(),
                archiveBytes >> 20);
        System.out.printf("riddance write pass: median %d ms (%.0f MB/s), of which streaming %d ms and the final"
                + " flush to disk the rest%n", write, plan.knownBytes() / 1e6 / (write / 1e3), median(streams));
        System.out.printf("riddance read-back:  median %d ms%n", verify);
        System.out.printf("riddance write + read-back: median %d ms%n", write + verify);
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
