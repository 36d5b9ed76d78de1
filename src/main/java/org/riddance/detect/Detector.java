package org.riddance.detect;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.riddance.catalog.Catalog;
import org.riddance.platform.Host;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every scanner that applies to the host and assembles the findings. A scanner that cannot read its
 * source does not stop the others, but the report then says the scan is incomplete.
 */
public final class Detector {

    private static final Logger LOG = LoggerFactory.getLogger(Detector.class);

    private final List<Scanner> scanners;
    private final Clock clock;

    Detector(List<Scanner> scanners, Clock clock) {
        this.scanners = List.copyOf(scanners);
        this.clock = clock;
    }

    /** All scanners, for every OS; each decides whether it applies. */
    public static Detector standard(Clock clock) {
        return new Detector(List.of(
                new SystemRootCheck(),
                new WindowsUninstallScanner(), new WindowsProductKeyScanner(), new WindowsServiceScanner(),
                new SecurityCenterScanner(), new ManagementServerScanner(),
                new DpkgScanner(), new RpmScanner(), new LinuxServiceScanner(), new KernelModuleScanner(),
                new MacScanner(), new LeftoverFolderScanner(), new EmbeddedEngineScanner(), new SignedBinaryScanner(),
                new ProcessScanner()), clock);
    }

    public ScanReport scan(Host host, Catalog catalog, Progress progress, Cancellation cancellation) {
        Instant started = clock.instant();
        List<Scanner> applicable = scanners.stream().filter(s -> s.appliesTo(host)).toList();
        List<Hit> hits = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < applicable.size(); i++) {
            Scanner scanner = applicable.get(i);
            cancellation.throwIfCancelled();
            progress.update(i, applicable.size(), scanner.name());
            try {
                List<Hit> found = scanner.scan(host, catalog, cancellation,
                        problem -> failed.add(scanner.name() + ": " + problem));
                hits.addAll(found);
                scanned.add(scanner.name());
                LOG.info("{}: {} hit(s)", scanner.name(), found.size());
            } catch (IOException | RuntimeException e) {
                if (e instanceof Cancellation.CancelledException cancelled) {
                    throw cancelled;
                }
                LOG.warn("{} could not be read", scanner.name(), e);
                failed.add(scanner.name() + ": " + e.getMessage());
            }
        }
        host.registry().unreadable().forEach(problem -> failed.add("registry: " + problem));
        progress.update(applicable.size(), applicable.size(), "done");
        List<Finding> findings = new FindingAssembler(catalog, host.os().family()).assemble(hits);
        return new ScanReport(host.os().hostname(), host.os().summary(), host.isSandbox(), catalog.version(),
                catalog.sha256(), started, clock.instant(), scanned, failed, findings);
    }
}
