package org.riddance.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which folders and registry keys the catalog lets Riddance delete as a vendor's leftovers. Removal deletes by
 * these rules and the back-up plan copies by the same ones, so what one deletes the other has kept.
 */
public final class LeftoverRules {

    private LeftoverRules() {
    }

    /** The folder is one of the vendor's leftover folders (or inside one), or a Linux path of one of its products. */
    public static boolean coveredFolder(Catalog catalog, String vendorName, String location) {
        String path = normal(location);
        List<String> roots = new ArrayList<>();
        for (Leftovers l : catalog.leftovers()) {
            if (vendorMatches(catalog, l.vendor(), vendorName)) {
                roots.addAll(l.windowsFolders());
                roots.addAll(l.linuxFolders());
                roots.addAll(l.macFolders());
            }
        }
        for (ProductRule p : catalog.products()) {
            if (p.linux() != null && vendorMatches(catalog, p.vendor(), vendorName)) {
                roots.addAll(p.linux().paths());
            }
        }
        return !path.contains("/../") && roots.stream().map(LeftoverRules::normal)
                .anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }

    public static boolean coveredKey(Catalog catalog, String vendorName, String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return catalog.leftovers().stream().filter(l -> vendorMatches(catalog, l.vendor(), vendorName))
                .flatMap(l -> l.windowsRegistryKeys().stream()).map(r -> r.toLowerCase(Locale.ROOT))
                .anyMatch(r -> k.equals(r) || k.startsWith(r + "\\"));
    }

    /** Findings carry the vendor's display name; rules its id. */
    public static boolean vendorMatches(Catalog catalog, String vendorId, String vendorName) {
        return vendorId.equals(vendorName) || catalog.vendor(vendorId).map(v -> v.name().equals(vendorName)
                || v.id().equals(vendorName)).orElse(false);
    }

    /** Forward slashes, no trailing slash; Windows paths (which ignore case) in lower case. */
    public static String normal(String path) {
        String p = path.replace('\\', '/');
        if (p.length() > 1 && p.charAt(1) == ':') {
            p = p.toLowerCase(Locale.ROOT);
        }
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
