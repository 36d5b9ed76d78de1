package org.riddance.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogKeys;
import org.riddance.journal.DataDirectory;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-wired objects one run of Riddance shares: the host, where data goes, the session store, where the
 * catalog in force comes from, and whether this is the demo (a sandbox of stand-ins, its receipts marked DEMO).
 */
public record AppContext(Host host, Path dataDir, SessionStore sessions, Clock clock, CatalogSource catalogs,
                         boolean demo) {

    /** With the built-in catalog: tests, the screenshot tour. */
    public AppContext(Host host, Path dataDir, SessionStore sessions, Clock clock) {
        this(host, dataDir, sessions, clock, CatalogSource.builtIn(), false);
    }

    public AppContext(Host host, Path dataDir, SessionStore sessions, Clock clock, CatalogSource catalogs) {
        this(host, dataDir, sessions, clock, catalogs, false);
    }

    public Catalog catalog() {
        return catalogs.catalog();
    }

    /** Why an external catalog given with {@code --catalog} was refused, if it was; the built-in one is in force then. */
    public Optional<String> catalogWarning() {
        return catalogs.warning();
    }

    public static AppContext create(Optional<Path> sandboxRoot, Optional<Path> dataDir) {
        return create(sandboxRoot, dataDir, Optional.empty(), false);
    }

    /** Where data goes when {@code --data-dir} is not given: per OS, see the README. */
    public static Path dataDir(Optional<Path> given) {
        return given.orElseGet(() -> DataDirectory.forThisMachine(Hosts.privileges().elevated(), Optional.empty()))
                .toAbsolutePath().normalize();
    }

    /**
     * @param sandboxRoot     a folder that plays the system root ({@code --root}); empty for this machine
     * @param dataDir         {@code --data-dir}; empty for the per-OS default
     * @param externalCatalog {@code --catalog}: used only with a trusted signature, else the built-in one stays
     * @param demo            work on the demo sandbox in the data folder (built when missing), never on this machine
     */
    public static AppContext create(Optional<Path> sandboxRoot, Optional<Path> dataDir, Optional<Path> externalCatalog,
                                    boolean demo) {
        Path data = dataDir(dataDir);
        Logging.logTo(data.resolve("logs")); // before anything creates a logger
        Logger log = LoggerFactory.getLogger(AppContext.class);
        Optional<Path> root = demo ? Optional.of(DemoSandboxes.ready(data)) : sandboxRoot;
        Host host = root.map(Hosts::forRoot).orElseGet(Hosts::live);
        Clock clock = Clock.systemUTC();
        log.info("Riddance {} on {} ({}{}), administrator: {}, data in {}", AppVersion.version(), host.os().summary(),
                host.os().hostname(), host.isSandbox() ? ", sandbox " + host.files().root() : "",
                host.privileges().elevated(), data);
        return new AppContext(host, data, new SessionStore(data, clock), clock,
                new CatalogSource(externalCatalog, data.resolve(CatalogKeys.FOLDER)), demo);
    }

    /** The same run on another machine view: an offline registry export, say. */
    public AppContext withHost(Host other) {
        return new AppContext(other, dataDir, sessions, clock, catalogs, demo);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
