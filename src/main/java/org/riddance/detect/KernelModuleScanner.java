package org.riddance.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.ProductRule;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.work.Cancellation;

/** Loaded kernel modules from {@code /proc/modules}, matched against the catalog's confirmed module names. */
final class KernelModuleScanner implements Scanner {

    @Override
    public String name() {
        return "loaded kernel modules";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.LINUX && Files.isReadable(host.files().resolve("/proc/modules"));
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException {
        Path modules = host.files().resolve("/proc/modules");
        List<Hit> hits = new ArrayList<>();
        for (String line : Files.readAllLines(modules)) {
            String module = line.split(" ", 2)[0];
            for (ProductRule product : catalog.products()) {
                if (product.linux() != null && product.linux().matchesModule(module)) {
                    hits.add(Hit.product(product.id(), product.vendor(),
                            new Evidence(EvidenceKind.KERNEL_MODULE, "/proc/modules", "module " + line.strip())));
                }
            }
        }
        return hits;
    }
}
