package org.riddance.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.catalog.Leftovers;
import org.riddance.catalog.ProductRule;
import org.riddance.catalog.Vendor;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryValue;
import org.riddance.platform.RegistryView;
import org.riddance.work.Cancellation;

/**
 * The vendor's own product keys (Kaspersky: {@code KasperskyLab\protected\<PREFIX><version>\environment} in
 * both registry views; the roots come from the catalog). Uninstalls leave bare keys behind, so a key without {@code environment} is a leftover, not a product.
 */
final class WindowsProductKeyScanner implements Scanner {


    @Override
    public String name() {
        return "Kaspersky product registry keys";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.WINDOWS;
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) {
        List<Hit> hits = new ArrayList<>();
        for (Vendor vendor : catalog.vendors()) {
            for (String root : vendor.windowsProductKeys()) {
                scanRoot(host.registry(), catalog, vendor, root, hits, cancellation);
            }
        }
        for (Leftovers leftovers : catalog.leftovers()) {
            for (String key : leftovers.windowsRegistryKeys()) {
                if (host.registry().exists(key)) {
                    int subkeys = host.registry().subkeys(key).size();
                    hits.add(Hit.vendorPart(leftovers.vendor(), Category.LEFTOVER, new Evidence(
                            EvidenceKind.VENDOR_REGISTRY_KEY, key, subkeys + (subkeys == 1 ? " subkey" : " subkeys"))));
                }
            }
        }
        return hits;
    }

    private static void scanRoot(RegistryView registry, Catalog catalog, Vendor vendor, String root, List<Hit> hits,
                                 Cancellation cancellation) {
        for (String name : registry.subkeys(root)) {
            cancellation.throwIfCancelled();
            String key = root + "\\" + name;
            Optional<String> environment = registry.subkeys(key).stream()
                    .filter(s -> s.equalsIgnoreCase("environment")).findFirst();
            if (environment.isPresent()) {
                String envKey = key + "\\" + environment.get();
                productKey(catalog, vendor, name, envKey, registry.values(envKey)).ifPresent(hits::add);
            } else {
                hits.add(Hit.vendorAlone(vendor.id(), Category.LEFTOVER, new Evidence(EvidenceKind.LEFTOVER_REGISTRY_KEY,
                        key, "product key without 'environment': left by an uninstalled product")));
            }
        }
    }

    private static Optional<Hit> productKey(Catalog catalog, Vendor vendor, String keyName, String envKey,
                                            Map<String, RegistryValue> values) {
        String productName = WindowsUninstallScanner.text(values, "ProductName");
        String version = first(WindowsUninstallScanner.text(values, "ProductDisplayVersion"),
                WindowsUninstallScanner.text(values, "ProductVersion"),
                WindowsUninstallScanner.text(values, "Ins_ProductVersion"));
        Optional<ProductRule> product = catalog.windowsProductByDisplayName(productName)
                .or(() -> catalog.windowsProductByEnvironmentKey(keyName));
        String root = WindowsUninstallScanner.text(values, "ProductRoot");
        Evidence evidence = new Evidence(EvidenceKind.PRODUCT_REGISTRY_KEY, envKey,
                (productName.isEmpty() ? keyName : productName) + (version.isEmpty() ? "" : " " + version)
                        + (root.isEmpty() ? "" : ", installed in " + root));
        Hit hit = product.map(p -> Hit.product(p.id(), p.vendor(), evidence))
                .orElseGet(() -> Hit.vendorAlone(vendor.id(), Category.PRODUCT, evidence));
        return Optional.of(hit.withVersion(version).withDisplayName(productName));
    }

    private static String first(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
