package org.riddance.detect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.ProductRule;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RunningProcess;
import org.riddance.work.Cancellation;

/** Running processes whose image name is one the catalog lists for a product on this OS. */
final class ProcessScanner implements Scanner {

    @Override
    public String name() {
        return "running processes";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() != OsFamily.MACOS;
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (RunningProcess process : host.running().list()) {
            for (ProductRule product : catalog.products()) {
                if (names(product, host.os().family()).stream().anyMatch(n -> n.equalsIgnoreCase(process.name()))) {
                    hits.add(Hit.product(product.id(), product.vendor(), new Evidence(EvidenceKind.PROCESS,
                            "pid " + process.pid(), process.image())));
                    break; // avp.exe is named by several products: the assembly folds it into the installed one
                }
            }
        }
        return hits;
    }

    private static List<String> names(ProductRule product, OsFamily family) {
        if (family == OsFamily.WINDOWS) {
            return product.windows() == null ? List.of() : product.windows().processes();
        }
        return product.linux() == null ? List.of() : product.linux().processes();
    }
}
