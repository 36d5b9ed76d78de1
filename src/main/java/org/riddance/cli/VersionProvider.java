package org.riddance.cli;

import org.riddance.catalog.CatalogStamp;
import org.riddance.engine.AppVersion;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return lines();
    }

    /** Reads only the catalog's version and hash: nothing here needs the catalog itself. */
    static String[] lines() {
        CatalogStamp catalog = CatalogStamp.builtIn();
        return new String[] {
            "Riddance " + AppVersion.version(),
            "Catalog " + catalog.version() + " (built-in), sha256 " + catalog.sha256(),
        };
    }
}
