package org.riddance.protection;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.riddance.platform.Host;
import org.riddance.work.Cancellation;

/** One source of antivirus status: a product's own interface (clamd, mdatp, WMI) or the package database. */
interface ProductProbe {

    String name();

    boolean appliesTo(Host host);

    List<AntivirusProduct> probe(Host host, Instant now, Cancellation cancellation) throws IOException;
}
