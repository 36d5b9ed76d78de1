package org.riddance.cli;

import org.riddance.app.AppVersion;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "Riddance " + AppVersion.version(),
            "Catalog: none built in yet (the banned-product catalog arrives with detection)",
        };
    }
}
