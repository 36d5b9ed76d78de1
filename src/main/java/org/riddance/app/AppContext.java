package org.riddance.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogException;
import org.riddance.catalog.CatalogKeys;
import org.riddance.catalog.CatalogLoader;
import org.riddance.journal.DataDirectory;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryView;

/** The hand-wired objects one run of Riddance shares: the host, where data goes, the session store. */
public record AppContext(Host host, Path dataDir, SessionStore sessions, Clock clock) {

    /**
     * @param sandboxRoot a folder that plays the system root ({@code --root}); empty for this machine
     * @param dataDir     {@code --data-dir}; empty for the per-OS default
     */
    public static AppContext create(Optional<Path> sandboxRoot, Optional<Path> dataDir) {
        Path data = dataDir.orElseGet(() -> DataDirectory.forThisMachine(Hosts.privileges().elevated(), Optional.empty()))
                .toAbsolutePath().normalize();
        Logging.logTo(data.resolve("logs")); // before anything creates a logger
        Host host = sandboxRoot.map(root -> Hosts.sandbox(root, OsFamily.LINUX, RegistryView.NONE))
                .orElseGet(Hosts::live);
        Clock clock = Clock.systemUTC();
        // fetched here, not in a static field: the logger must not exist before logTo() above
        org.slf4j.LoggerFactory.getLogger(AppContext.class).info("Riddance {} on {} ({}{}), administrator: {}, data in {}",
                AppVersion.version(), host.os().summary(), host.os().hostname(),
                host.isSandbox() ? ", sandbox " + host.files().root() : "", host.privileges().elevated(), data);
        Catalog catalog = CatalogLoader.builtIn();
        Optional<String> warning = Optional.empty();
        if (externalCatalog.isPresent()) {
            try {
                catalog = CatalogLoader.external(externalCatalog.get(), CatalogKeys.fromFolder(data.resolve(CatalogKeys.FOLDER)));
            } catch (CatalogException | java.io.IOException e) {
                warning = Optional.of(e.getMessage());
                org.slf4j.LoggerFactory.getLogger(AppContext.class).warn("External catalog refused: {}", e.getMessage());
            }
        }
        org.slf4j.LoggerFactory.getLogger(AppContext.class).info("Catalog {}", catalog.describe());
        return new AppContext(host, data, new SessionStore(data, clock), clock, catalog, warning);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
