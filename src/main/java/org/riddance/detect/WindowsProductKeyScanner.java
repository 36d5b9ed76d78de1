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

    /** How deep product keys lie under the vendor key: {@code protected\\AVP21.3\\environment} is 3 below it. */
    static final int DEPTH = 3;

    private static void scanRoot(RegistryView registry, Catalog catalog, Vendor vendor, String root, List<Hit> hits,
                                 Cancellation cancellation) {
        walk(registry, catalog, vendor, root, DEPTH, hits, cancellation);
    }

    /**
     * A key holding {@code environment} is a product key wherever it lies under the vendor key (older versions keep
     * {@code KasperskyLab\\AVP15.0.0\\environment}, newer ones {@code KasperskyLab\\protected\\AVP21.3\\environment}).
     * A bare key directly under {@code protected} is what an uninstall left behind.
     */
    private static void walk(RegistryView registry, Catalog catalog, Vendor vendor, String parent, int depth,
                             List<Hit> hits, Cancellation cancellation) {
        boolean protectedKey = parent.toLowerCase(java.util.Locale.ROOT).endsWith("\\protected");
        for (String name : registry.subkeys(parent)) {
            cancellation.throwIfCancelled();
            String key = parent + "\\" + name;
            List<String> children = registry.subkeys(key);
            Optional<String> environment = children.stream().filter(s -> s.equalsIgnoreCase("environment")).findFirst();
            if (environment.isPresent()) {
                String envKey = key + "\\" + environment.get();
                productKey(catalog, vendor, name, envKey, registry.values(envKey)).ifPresent(hits::add);
            } else if (protectedKey) {
                hits.add(Hit.vendorAlone(vendor.id(), Category.LEFTOVER, new Evidence(EvidenceKind.LEFTOVER_REGISTRY_KEY,
                        key, "product key without 'environment': left by an uninstalled product")));
            } else if (depth > 1) {
                walk(registry, catalog, vendor, key, depth - 1, hits, cancellation);
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
