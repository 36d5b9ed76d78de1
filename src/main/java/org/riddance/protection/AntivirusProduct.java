package org.riddance.protection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One antivirus product found on the machine, as its own status source reports it.
 *
 * @param source              where the facts come from: "Windows Security Center", "clamd", "mdatp health"...
 * @param enabled             the product is switched on (Security Center: state on; ClamAV: clamd answers PING)
 * @param realTime            on-access / real-time protection; NOT_OFFERED for products that have none
 * @param definitionsUpdated  when its signatures were last updated, when the product tells
 * @param definitionsCurrent  the product's own opinion of its signatures, when it gives one and no date
 * @param stale               a registration left behind by a product that is no longer installed
 * @param eicarRoute          how the live EICAR test can reach this product
 * @param notes               further facts worth showing (running mode, tamper protection...)
 */
public record AntivirusProduct(String id, String name, String vendor, String version, String source, Switch enabled,
                               Switch realTime, Optional<Instant> definitionsUpdated, Optional<Boolean> definitionsCurrent,
                               String definitionsVersion, boolean stale, EicarRoute eicarRoute, List<String> notes) {

    public AntivirusProduct {
        notes = List.copyOf(notes);
    }

    /** Whole days since the definitions were updated; -1 when unknown (the journal's contract). */
    public long definitionsAgeDays(Instant now) {
        return definitionsUpdated.map(t -> Math.max(0, Duration.between(t, now).toDays())).orElse(-1L);
    }

    public AntivirusProduct withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new AntivirusProduct(id, name, vendor, version, source, enabled, realTime, definitionsUpdated,
                definitionsCurrent, definitionsVersion, stale, eicarRoute, all);
    }
}
