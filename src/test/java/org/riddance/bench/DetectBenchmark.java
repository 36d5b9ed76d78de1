package org.riddance.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.detect.Detector;
import org.riddance.detect.LeftoverSweep;
import org.riddance.detect.ScanReport;
import org.riddance.platform.Hosts;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Figures for the README: a full scan of this machine, and the leftover sweep over a 200,000-file tree
 * against {@code find} on the same tree. Run by {@code src/bench/detect.sh}; prints medians of several runs.
 */
public final class DetectBenchmark {

    private static final int FILES = 200_000;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path tree = Path.of(args.length > 0 ? args[0] : "target/bench/leftover-tree");
        Catalog catalog = CatalogLoader.builtIn();

        List<Long> scans = new ArrayList<>();
        ScanReport last = null;
        for (int i = 0; i < runs + 1; i++) {
            long start = System.nanoTime();
            last = Detector.standard(Clock.systemUTC()).scan(Hosts.live(), catalog, Progress.NONE, Cancellation.none());
            if (i > 0) { // the first run pays for class loading, as the CLI measurement below shows separately
                scans.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        System.out.printf("full scan of this machine (in process): median %d ms, min %d, max %d over %d runs; "
                + "%d findings, sources %s%n", median(scans), Collections.min(scans), Collections.max(scans), runs,
                last.findings().size(), last.sourcesScanned());

        makeTree(tree);
        List<Long> sweep = new ArrayList<>();
        List<Long> findNames = new ArrayList<>();
        LeftoverSweep.Summary summary = null;
        for (int i = 0; i < runs + 1; i++) {
            long start = System.nanoTime();
            summary = LeftoverSweep.summarise(tree, Cancellation.none());
            long sweepMs = (System.nanoTime() - start) / 1_000_000;
            long findMs = time("find", tree.toString());
            if (i > 0) { // run 0 warms the page cache for both alike
                sweep.add(sweepMs);
                findNames.add(findMs);
            }
        }
        System.out.printf("leftover sweep of %s: median %d ms (min %d, max %d)%n", summary.describe(), median(sweep),
                Collections.min(sweep), Collections.max(sweep));
        System.out.printf("find DIR on the same tree: median %d ms -> sweep/find = %.2f (target 1.3)%n", median(findNames),
                (double) median(sweep) / median(findNames));
    }

    private static void makeTree(Path tree) throws IOException {
        Path marker = tree.resolve(".complete");
        if (Files.exists(marker)) {
            return;
        }
        byte[] content = "stand-in leftover file\n".getBytes();
        for (int i = 0; i < FILES; i++) {
            Path dir = tree.resolve(String.format("d%02d/d%03d", i % 50, (i / 50) % 400));
            if (i < 20_000) {
                Files.createDirectories(dir);
            }
            Files.write(dir.resolve("f" + i + ".dat"), content);
        }
        Files.createFile(marker);
    }

    private static long time(String... argv) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start();
        process.waitFor();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
