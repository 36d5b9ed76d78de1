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
        // each product's names looked up once, and plain loops: every process meets every product at start-up
        List<ProductRule> products = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        for (ProductRule product : catalog.products()) {
            List<String> its = names(product, host.os().family());
            if (!its.isEmpty()) {
                products.add(product);
                names.add(its);
            }
        }
        for (RunningProcess process : host.running().list()) {
            ProductRule product = firstNaming(products, names, process.name());
            if (product != null) { // avp.exe is named by several products: the assembly folds it into the installed one
                hits.add(Hit.product(product.id(), product.vendor(), new Evidence(EvidenceKind.PROCESS,
                        "pid " + process.pid(), process.image())));
            }
        }
        return hits;
    }

    private static ProductRule firstNaming(List<ProductRule> products, List<List<String>> names, String processName) {
        for (int i = 0; i < products.size(); i++) {
            for (String name : names.get(i)) {
                if (name.equalsIgnoreCase(processName)) {
                    return products.get(i);
                }
            }
        }
        return null;
    }

    private static List<String> names(ProductRule product, OsFamily family) {
        if (family == OsFamily.WINDOWS) {
            return product.windows() == null ? List.of() : product.windows().processes();
        }
        return product.linux() == null ? List.of() : product.linux().processes();
    }
}
