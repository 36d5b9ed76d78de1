package org.riddance.protection;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.riddance.platform.Host;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the antivirus products on a machine through every source that applies to its OS, and judges each by
 * the rules. Products with their own status interface come first; the package list adds the rest.
 */
public final class AntivirusCheck {

    public static final Duration CLAMD_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(AntivirusCheck.class);

    private final List<ProductProbe> probes;

    AntivirusCheck(List<ProductProbe> probes) {
        this.probes = List.copyOf(probes);
    }

    public static AntivirusCheck standard() {
        return new AntivirusCheck(List.of(new WindowsProbe(), new ClamavProbe(CLAMD_TIMEOUT), new MdatpProbe(Duration.ofSeconds(60)),
                new XProtectProbe(), new PackageProbe(KnownProducts.builtIn())));
    }

    public AntivirusReport run(Host host, AntivirusRules rules, Clock clock, Progress progress, Cancellation cancellation) {
        Instant now = clock.instant();
        List<ProbeRun> runs = probes.stream().filter(p -> p.appliesTo(host)).map(ProbeRun::new).toList();
        List<AntivirusProduct> found = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int done = 0;
        for (ProbeRun run : runs) {
            cancellation.throwIfCancelled();
            progress.update(done++, runs.size(), "Reading " + run.probe.name());
            try {
                for (AntivirusProduct p : run.probe.probe(host, now, cancellation)) {
                    if (ids.add(p.id())) { // the same product seen by its own interface and by its package
                        found.add(p);
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof Cancellation.CancelledException c) {
                    throw c;
                }
                LOG.warn("Could not read {}", run.probe.name(), e);
                failed.add(run.probe.name() + ": " + e.getMessage());
            }
        }
        progress.update(runs.size(), runs.size(), "Checked " + found.size() + " product(s)");
        List<ProductVerdict> verdicts = found.stream()
                .map(p -> new ProductVerdict(p, rules.check(p, now), EicarOutcome.NOT_RUN)).toList();
        return new AntivirusReport(now, rules.maxDefinitionsAgeDays(), verdicts, failed);
    }

    /**
     * Runs the live EICAR test against the report's primary product (the one the receipt will name) and returns
     * the report with its outcome.
     */
    public static AntivirusReport withEicarTest(AntivirusReport report, EicarTest test, Progress progress,
                                                Cancellation cancellation) {
        return report.primary().map(v -> report.withEicar(v.product().id(), test.run(v.product(), progress, cancellation)))
                .orElse(report);
    }

    private record ProbeRun(ProductProbe probe) {
    }
}
