package org.riddance.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogException;
import org.riddance.catalog.CatalogKeys;
import org.riddance.catalog.CatalogLoader;
import org.slf4j.LoggerFactory;

/**
 * The catalog in force, loaded on first use: the built-in one, or an external one if its signature holds.
 * Loading is kept off the start-up path (the Welcome step does not need it); the wizard asks for it in the
 * background once its first frame is up.
 */
public final class CatalogSource {

    private final Optional<Path> external;
    private final Path trustedKeys;
    private volatile Loaded loaded;

    private record Loaded(Catalog catalog, Optional<String> warning) {
    }

    public CatalogSource(Optional<Path> external, Path trustedKeys) {
        this.external = external;
        this.trustedKeys = trustedKeys;
    }

    public static CatalogSource builtIn() {
        return new CatalogSource(Optional.empty(), Path.of("."));
    }

    public Catalog catalog() {
        return load().catalog();
    }

    /** Why the external catalog was refused, if it was. */
    public Optional<String> warning() {
        return load().warning();
    }

    public void preloadInBackground() {
        Thread thread = new Thread(this::load, "catalog-load");
        thread.setDaemon(true);
        thread.start();
    }

    private Loaded load() {
        Loaded result = loaded;
        if (result == null) {
            synchronized (this) {
                result = loaded;
                if (result == null) {
                    result = read();
                    loaded = result;
                }
            }
        }
        return result;
    }

    private Loaded read() {
        Catalog catalog = CatalogLoader.builtIn();
        Optional<String> warning = Optional.empty();
        if (external.isPresent()) {
            try {
                catalog = CatalogLoader.external(external.get(), CatalogKeys.fromFolder(trustedKeys));
            } catch (CatalogException | IOException e) {
                warning = Optional.of(e.getMessage());
                LoggerFactory.getLogger(CatalogSource.class).warn("External catalog refused: {}", e.getMessage());
            }
        }
        LoggerFactory.getLogger(CatalogSource.class).info("Catalog {}", catalog.describe());
        return new Loaded(catalog, warning);
    }
}
