package org.riddance.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.catalog.ProductRule;
import org.riddance.catalog.Vendor;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryValue;
import org.riddance.platform.RegistryView;
import org.riddance.work.Cancellation;

/**
 * Installed programs as Windows lists them: the Uninstall keys of both registry views, machine-wide and per
 * user. An entry counts when its publisher or name is the vendor's (in any language the catalog knows), never
 * because a name merely starts alike.
 */
final class WindowsUninstallScanner implements Scanner {

    static final String UNINSTALL = "Microsoft\\Windows\\CurrentVersion\\Uninstall";
    static final List<String> MACHINE_ROOTS = List.of(
            "HKEY_LOCAL_MACHINE\\SOFTWARE\\" + UNINSTALL,
            "HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\" + UNINSTALL,
            "HKEY_CURRENT_USER\\Software\\" + UNINSTALL);

    @Override
    public String name() {
        return "Windows uninstall entries";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.WINDOWS;
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) {
        RegistryView registry = host.registry();
        List<Hit> hits = new ArrayList<>();
        Publishers publishers = new Publishers(catalog);
        for (String root : roots(registry)) {
            registry.eachSubkey(root, (subkey, values) -> {
                cancellation.throwIfCancelled();
                entry(publishers, root, subkey, values).ifPresent(hits::add);
            });
        }
        return hits;
    }

    /** Machine roots plus every user hive an offline export may carry under HKEY_USERS. */
    private static List<String> roots(RegistryView registry) {
        List<String> roots = new ArrayList<>(MACHINE_ROOTS);
        for (String sid : registry.subkeys("HKEY_USERS")) {
            roots.add("HKEY_USERS\\" + sid + "\\Software\\" + UNINSTALL);
        }
        return roots;
    }

    /** The entry {@code subkey} under {@code root}; its path is built only for a hit, as nearly every entry is not one. */
    private static Optional<Hit> entry(Publishers publishers, String root, String subkey,
                                       Map<String, RegistryValue> values) {
        String name = text(values, "DisplayName");
        String publisher = text(values, "Publisher");
        if (name.isEmpty()) {
            return Optional.empty(); // updates and components without a name are not programs
        }
        Optional<Vendor> vendor = publishers.claiming(publisher, name);
        if (vendor.isEmpty()) {
            return Optional.empty();
        }
        String version = text(values, "DisplayVersion");
        Evidence evidence = new Evidence(EvidenceKind.UNINSTALL_ENTRY, root + "\\" + subkey,
                name + (version.isEmpty() ? "" : " " + version) + (publisher.isEmpty() ? "" : ", publisher " + publisher));
        Optional<ProductRule> product = publishers.catalog().windowsProductByDisplayName(name)
                .filter(p -> p.vendor().equals(vendor.get().id()));
        Hit hit = product.map(p -> Hit.product(p.id(), p.vendor(), evidence))
                .orElseGet(() -> Hit.vendorAlone(vendor.get().id(), Category.PRODUCT, evidence));
        return Optional.of(hit.withVersion(version).withDisplayName(name));
    }

    /**
     * The value's text, its name in any letter case. Asked three times for each of the tens of thousands of
     * entries a PC may list: the name as usually written is tried first (a key holds no two names differing only
     * in case), then a plain loop.
     */
    static String text(Map<String, RegistryValue> values, String name) {
        RegistryValue exact = values.get(name);
        if (exact != null) {
            return exact.asText().strip();
        }
        for (Map.Entry<String, RegistryValue> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().asText().strip();
            }
        }
        return "";
    }
}
