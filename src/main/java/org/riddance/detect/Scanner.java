package org.riddance.detect;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.riddance.catalog.Catalog;
import org.riddance.platform.Host;
import org.riddance.work.Cancellation;

/** One source of evidence: the uninstall keys, the package database, the running processes. */
public interface Scanner {

    /** What it looks at, as the technician reads it in the scan log. */
    String name();

    boolean appliesTo(Host host);

    /**
     * @throws IOException when its source could not be read; the scan goes on with the other scanners and
     *                     reports this one as incomplete
     */
    List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException;

    /**
     * The same, reporting each part of the source it could not read (a damaged value: where it is and why) to
     * {@code unreadable} and going on with the rest; the scan is then incomplete, never clean.
     */
    default List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation, Consumer<String> unreadable)
            throws IOException {
        return scan(host, catalog, cancellation);
    }
}
