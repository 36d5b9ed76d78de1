package org.riddance.removal;

import java.util.List;
import java.util.Optional;

/**
 * Where a removal run left things.
 *
 * @param rebootPending       the PC must restart before removal can finish; Riddance is registered to start again
 * @param staleSecurityCenter Security Center entries of the vendor still listed after removal (Windows drops them
 *                            itself once the product's own service is gone; if one stays, report it)
 * @param remaining           finding ids the rescan still found
 * @param kept                paths removal would have deleted but kept, as no verified back-up holds them (each
 *                            with why); still on the machine
 */
public record RemovalReport(List<Item> items, boolean rebootPending, List<String> staleSecurityCenter,
                            List<String> remaining, List<String> kept) {

    public RemovalReport {
        items = List.copyOf(items);
        staleSecurityCenter = List.copyOf(staleSecurityCenter);
        remaining = List.copyOf(remaining);
        kept = List.copyOf(kept);
    }

    public RemovalReport(List<Item> items, boolean rebootPending, List<String> staleSecurityCenter,
                         List<String> remaining) {
        this(items, rebootPending, staleSecurityCenter, remaining, List.of());
    }

    /**
     * @param outcome  empty while the item waits for the restart
     * @param blockage when the vendor's own protection stopped it, which; the technician is told what to do next
     */
    public record Item(String id, Optional<Outcome> outcome, String detail, Optional<Blockage> blockage) {
    }

    public boolean allGone() {
        return !rebootPending && remaining.isEmpty()
                && items.stream().allMatch(i -> i.outcome().map(o -> o == Outcome.REMOVED || o == Outcome.CLEANED
                || o == Outcome.SKIPPED).orElse(false));
    }
}
