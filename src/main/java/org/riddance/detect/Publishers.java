package org.riddance.detect;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Vendor;

/**
 * Which banned vendor publishes a package, by its maintainer or vendor text, asked once per distinct text for one
 * scan: a Debian PC's thousand packages have a few hundred maintainers between them, and each question is a
 * case-insensitive regular expression per vendor pattern, run before the JIT has compiled anything.
 */
final class Publishers {

    private final Catalog catalog;
    private final Map<String, Optional<Vendor>> answers = new HashMap<>();

    Publishers(Catalog catalog) {
        this.catalog = catalog;
    }

    Catalog catalog() {
        return catalog;
    }

    Optional<Vendor> of(String publisher) {
        Optional<Vendor> known = answers.get(publisher);
        if (known == null) {
            known = catalog.vendorPublishing(publisher);
            answers.put(publisher, known);
        }
        return known;
    }

    /**
     * What {@link Catalog#vendorClaiming} answers, the publisher's part asked once per distinct publisher: an
     * export's tens of thousands of uninstall entries have a few hundred publishers between them.
     */
    Optional<Vendor> claiming(String publisher, String name) {
        Optional<Vendor> byPublisher = of(publisher); // the first vendor in catalog order that publishes it
        for (Vendor v : catalog.vendors()) {
            if (byPublisher.isPresent() && byPublisher.get() == v) {
                return byPublisher; // no vendor before it names the program
            }
            if (v.names(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
