package org.riddance.detect;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.catalog.EmbeddedEngineMarkers;
import org.riddance.platform.Host;
import org.riddance.work.Cancellation;

/** The vendor's SDK data folders, which other companies' products carry when they embed its engine. */
final class EmbeddedEngineScanner implements Scanner {

    @Override
    public String name() {
        return "Embedded engine folders";
    }

    @Override
    public boolean appliesTo(Host host) {
        return true; // the markers name Windows and Linux folders alike; a path that does not exist costs a stat
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) {
        List<Hit> hits = new ArrayList<>();
        for (EmbeddedEngineMarkers markers : catalog.embedded()) {
            for (String folder : markers.sdkFolders()) {
                cancellation.throwIfCancelled();
                if (!forThisOs(host, folder)) {
                    continue;
                }
                if (Files.isDirectory(host.files().resolve(folder))) {
                    LeftoverSweep.Summary summary = LeftoverSweep.summarise(host.files().resolve(folder), cancellation);
                    hits.add(Hit.vendorAlone(markers.vendor(), Category.EMBEDDED_ENGINE, new Evidence(
                            EvidenceKind.SDK_FOLDER, folder, "engine data folder: " + summary.describe())));
                }
            }
        }
        return hits;
    }

    private static boolean forThisOs(Host host, String folder) {
        boolean windowsPath = folder.length() > 1 && folder.charAt(1) == ':';
        return windowsPath == (host.os().family() == org.riddance.platform.OsFamily.WINDOWS);
    }
}
