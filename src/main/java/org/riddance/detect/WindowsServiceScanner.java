package org.riddance.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.catalog.DriverNames;
import org.riddance.catalog.DriverRule;
import org.riddance.catalog.EmbeddedEngineMarkers;
import org.riddance.catalog.Leftovers;
import org.riddance.catalog.ProductRule;
import org.riddance.catalog.Vendor;
import org.riddance.platform.Authenticode;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryValue;
import org.riddance.platform.RegistryView;
import org.riddance.platform.WindowsFolders;
import org.riddance.work.Cancellation;

/**
 * Services and kernel drivers from {@code SYSTEM\CurrentControlSet\Services}, and the keyboard and mouse
 * class {@code UpperFilters}. A vendor driver whose image lives in another company's folder is the vendor's
 * engine embedded in that company's product.
 */
final class WindowsServiceScanner implements Scanner {

    static final String KEYBOARD_CLASS = "{4D36E96B-E325-11CE-BFC1-08002BE10318}";
    static final String MOUSE_CLASS = "{4D36E96F-E325-11CE-BFC1-08002BE10318}";

    @Override
    public String name() {
        return "Windows services, drivers and input filters";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.WINDOWS;
    }

    /** Without a place to report damaged values, the first one fails the whole scanner, saying where it is. */
    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) {
        return scan(host, catalog, cancellation, problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** A damaged value (say, a {@code Type} that is not a number) loses only that value, reported with its place. */
    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation, Consumer<String> unreadable) {
        RegistryView registry = host.registry();
        String controlSet = currentControlSet(registry, unreadable);
        List<Hit> hits = new ArrayList<>();
        String services = controlSet + "\\Services";
        for (String name : registry.subkeys(services)) {
            cancellation.throwIfCancelled();
            String key = services + "\\" + name;
            Map<String, RegistryValue> values = registry.values(key);
            long type = number(registry, key, values, "Type", unreadable).orElse(0L);
            service(host, catalog, key, name, values, type).ifPresent(hits::add);
        }
        filters(registry, catalog, controlSet, KEYBOARD_CLASS, "keyboard", hits);
        filters(registry, catalog, controlSet, MOUSE_CLASS, "mouse", hits);
        return hits;
    }

    /** {@code CurrentControlSet} in a live registry; offline exports may only have the numbered set {@code Select} names. */
    static String currentControlSet(RegistryView registry) {
        return currentControlSet(registry, problem -> {
        });
    }

    static String currentControlSet(RegistryView registry, Consumer<String> unreadable) {
        String current = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet";
        if (registry.exists(current)) {
            return current;
        }
        String select = "HKEY_LOCAL_MACHINE\\SYSTEM\\Select";
        long number = number(registry, select, registry.values(select), "Current", unreadable).orElse(1L);
        return String.format("HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet%03d", number);
    }

    /**
     * A number value (REG_DWORD or REG_QWORD; a decimal string is forgiven). Anything else, such as
     * {@code "Type"=hex:0a,00,00,00}, is a damaged value: reported with its file, line and key, and read as absent.
     */
    static Optional<Long> number(RegistryView registry, String key, Map<String, RegistryValue> values, String name,
                                 Consumer<String> unreadable) {
        Optional<RegistryValue> found = values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RegistryValue value = found.get();
        if (value.data() instanceof Long number) {
            return Optional.of(number);
        }
        if (value.data() instanceof String text && text.strip().matches("\\d{1,10}")) {
            return Optional.of(Long.parseLong(text.strip()));
        }
        String where = registry.origin(key, value.name()).map(origin -> origin + ", ").orElse("");
        unreadable.accept(where + "key " + key + ", value \"" + value.name() + "\": " + typeName(value)
                + " data \"" + abbreviated(value.asText()) + "\" where a number is expected; this value was not read");
        return Optional.empty();
    }

    private static String typeName(RegistryValue value) {
        return "REG_" + value.type().name();
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static Optional<Hit> service(Host host, Catalog catalog, String key, String name,
                                         Map<String, RegistryValue> values, long type) {
        String image = WindowsUninstallScanner.text(values, "ImagePath");
        String displayName = WindowsUninstallScanner.text(values, "DisplayName");
        boolean driver = type == 1 || type == 2;
        String detail = (driver ? "kernel driver" : "service") + (displayName.isEmpty() ? "" : " \"" + displayName + "\"")
                + (image.isEmpty() ? "" : ", image " + image);
        String path = imagePath(image, WindowsFolders.WINDOWS.path(host));
        // the catalog names folders as a default install on C: lays them out; Windows may live on another drive
        String catalogPath = WindowsFolders.asDefaultLayout(host, path);

        Optional<DriverRule> driverRule = catalog.driver(name);
        if (driverRule.isPresent()) {
            DriverRule rule = driverRule.get();
            Optional<EmbeddedEngineMarkers> markers = catalog.embedded().stream()
                    .filter(m -> m.vendor().equals(rule.vendor())).findFirst();
            if (!path.isEmpty() && markers.isPresent() && !markers.get().isOwnFolder(catalogPath)) {
                return Optional.of(Hit.vendorAlone(rule.vendor(), Category.EMBEDDED_ENGINE, new Evidence(
                        EvidenceKind.DRIVER, key, rule.role() + " loaded from another vendor's folder: " + path)));
            }
            String build = DriverNames.tag(name);
            return Optional.of(Hit.vendorPart(rule.vendor(), Category.DRIVER, new Evidence(EvidenceKind.DRIVER, key,
                    rule.role() + (build.isEmpty() ? "" : " (build " + build + ")") + "; " + detail)));
        }
        Optional<ProductRule> product = catalog.windowsProductByService(name);
        if (product.isPresent()) {
            return Optional.of(Hit.product(product.get().id(), product.get().vendor(),
                    new Evidence(EvidenceKind.SERVICE, key, detail)));
        }
        EvidenceKind kind = driver ? EvidenceKind.DRIVER : EvidenceKind.SERVICE;
        Category category = driver ? Category.DRIVER : Category.LEFTOVER;
        // an unlisted service is still the vendor's when its image lies in the vendor's folders or carries its signature
        if (!path.isEmpty()) {
            Optional<Leftovers> folders = catalog.leftovers().stream().filter(l -> l.holdsWindowsPath(catalogPath)).findFirst();
            if (folders.isPresent()) {
                return Optional.of(Hit.vendorPart(folders.get().vendor(), category,
                        new Evidence(kind, key, detail + " (in the vendor's folder)")));
            }
            Optional<Hit> signed = signedImage(host, catalog, path).map(v -> Hit.vendorPart(v.vendor().id(), category,
                    new Evidence(kind, key, detail + " (image signed by \"" + v.signer() + "\")")));
            if (signed.isPresent()) {
                return signed;
            }
        }
        return catalog.vendorClaiming("", displayName).map(v ->
                Hit.vendorPart(v.id(), category, new Evidence(kind, key, detail)));
    }

    private record Signed(Vendor vendor, String signer) {
    }

    /** The vendor whose Authenticode signer the service's image names, read from the disk the host sees. */
    private static Optional<Signed> signedImage(Host host, Catalog catalog, String windowsPath) {
        try {
            Path file = host.files().resolve(windowsPath);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Authenticode.signer(file).flatMap(s -> catalog.vendors().stream()
                    .filter(v -> v.signs(s.organisation()) || v.signs(s.commonName())).findFirst()
                    .map(v -> new Signed(v, s.organisation().isEmpty() ? s.commonName() : s.organisation())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable or odd image is not evidence either way
        }
    }

    private static void filters(RegistryView registry, Catalog catalog, String controlSet, String classGuid,
                                String device, List<Hit> hits) {
        String key = controlSet + "\\Control\\Class\\" + classGuid;
        List<String> filters = registry.value(key, "UpperFilters").map(RegistryValue::asList).orElse(List.of());
        for (String filter : filters) {
            catalog.driver(filter).ifPresent(rule -> hits.add(Hit.vendorPart(rule.vendor(), Category.DRIVER,
                    new Evidence(EvidenceKind.UPPER_FILTER, key, device + " UpperFilters " + filters
                            + ": " + filter + " must be taken out before its driver is deleted, keeping the others"))));
        }
    }

    /**
     * Service image paths come as {@code \??\C:\...}, {@code \SystemRoot\...}, {@code system32\...} or quoted with
     * arguments; the relative forms lie in {@code windowsFolder}, this machine's {@code %SystemRoot%}.
     */
    static String imagePath(String image, String windowsFolder) {
        String path = image.strip();
        if (path.startsWith("\"")) {
            int end = path.indexOf('"', 1);
            path = end > 0 ? path.substring(1, end) : path.substring(1);
        }
        if (path.startsWith("\\??\\")) {
            path = path.substring(4);
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("\\systemroot\\")) {
            path = windowsFolder + "\\" + path.substring("\\systemroot\\".length());
        } else if (lower.startsWith("system32\\")) {
            path = windowsFolder + "\\" + path;
        }
        return path;
    }
}
