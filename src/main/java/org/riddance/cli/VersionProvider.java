package org.riddance.cli;

import org.riddance.engine.AppVersion;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        Catalog catalog = CatalogLoader.builtIn();
        return new String[] {
            "Riddance " + AppVersion.version(),
            "Catalog " + catalog.version() + " (built-in), sha256 " + catalog.sha256(),
        };
    }
}
