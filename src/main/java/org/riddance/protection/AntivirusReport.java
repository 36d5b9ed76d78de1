package org.riddance.protection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The replacement antivirus check for one machine: every product found with its verdict, and the sources that
 * could not be read. The machine passes when at least one product that is not a stale entry passes and no
 * banned product is active.
 */
public record AntivirusReport(Instant checkedAt, int maxDefinitionsAgeDays, List<ProductVerdict> products,
                              List<String> sourcesFailed) {

    public AntivirusReport {
        products = List.copyOf(products);
        sourcesFailed = List.copyOf(sourcesFailed);
    }

    public List<ProductVerdict> active() {
        return products.stream().filter(v -> !v.product().stale()).toList();
    }

    public boolean pass() {
        return active().stream().noneMatch(ProductVerdict::banned)
                && active().stream().anyMatch(v -> v.status() == Status.PASS);
    }

    /** Nothing found and a source could not be read: the check cannot say the machine has no antivirus. */
    public boolean incomplete() {
        return active().isEmpty() && !sourcesFailed.isEmpty();
    }

    /** The product the receipt names: the one that passes, else the one most worth fixing. */
    public Optional<ProductVerdict> primary() {
        return active().stream().filter(v -> v.status() == Status.PASS).findFirst()
                .or(() -> active().stream().filter(v -> !v.banned() && v.product().enabled() == Switch.ON).findFirst())
                .or(() -> active().stream().filter(v -> !v.banned()).findFirst())
                .or(() -> active().stream().findFirst());
    }

    /** What the technician should do next for the machine as a whole; empty when it passes. */
    public List<String> advice() {
        List<String> advice = new ArrayList<>();
        active().stream().filter(ProductVerdict::banned).findFirst().ifPresent(v -> advice.add(AntivirusRules.BANNED));
        if (active().isEmpty() && !incomplete()) {
            advice.add(AntivirusRules.INSTALL);
        }
        if (!pass()) {
            primary().filter(v -> !v.banned()).ifPresent(v -> v.advice().forEach(a -> {
                if (!advice.contains(a)) {
                    advice.add(a);
                }
            }));
            if (!active().isEmpty() && active().stream().allMatch(ProductVerdict::banned)) {
                advice.add(AntivirusRules.INSTALL);
            }
        }
        return advice;
    }

    public AntivirusReport withEicar(String productId, EicarOutcome outcome) {
        List<ProductVerdict> updated = products.stream()
                .map(v -> v.product().id().equals(productId) ? v.withEicar(outcome) : v).toList();
        return new AntivirusReport(checkedAt, maxDefinitionsAgeDays, updated, sourcesFailed);
    }
}
