package org.riddance.removal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.LeftoverRules;
import org.riddance.detect.Evidence;
import org.riddance.detect.Finding;
import org.riddance.platform.Host;
import org.riddance.platform.WindowsFolders;
import org.riddance.platform.ServiceRemoval;

/**
 * What is left of a product: folders, registry keys, driver services, UpperFilters entries, packages removed but
 * not purged. Only what the catalog's leftover rules cover is touched; anything else is reported, not deleted.
 */
final class Cleanup {

    private static final Pattern SERVICE_KEY = Pattern.compile(
            "(?i)(HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\(?:ControlSet\\d{3}|CurrentControlSet))\\\\Services\\\\([^\\\\]+)");
    private static final Pattern CLASS_KEY = Pattern.compile(
            "(?i)HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\(?:ControlSet\\d{3}|CurrentControlSet)\\\\Control\\\\Class\\\\\\{[0-9A-F-]{36}}");

    private Cleanup() {
    }

    static RemovalItem item(Finding f, Catalog catalog, Host host, String note) {
        List<Action> actions = new ArrayList<>();
        List<String> untouched = new ArrayList<>();
        List<String> configOnly = new ArrayList<>();
        boolean securityCenter = false;
        for (Evidence e : f.evidence()) {
            switch (e.kind()) {
                case FOLDER -> {
                    if (coveredFolder(catalog, f.vendor(), WindowsFolders.asDefaultLayout(host, e.location()))) {
                        actions.add(new Action.DeleteFolder(e.location()));
                    } else {
                        untouched.add(e.location());
                    }
                }
                case PACKAGE -> {
                    if (LinuxRecipe.PACKAGE_NAME.matcher(e.location()).matches()) {
                        configOnly.add(e.location());
                    }
                }
                case UPPER_FILTER -> {
                    if (CLASS_KEY.matcher(e.location()).matches()) {
                        actions.add(new Action.CleanUpperFilters(e.location(), vendorDrivers(catalog, f.vendor())));
                    }
                }
                case DRIVER, SERVICE -> {
                    Matcher m = SERVICE_KEY.matcher(e.location());
                    Optional<String> leftAlone = m.matches() ? ServiceRemoval.refusal(m.group(2),
                            number(host, e.location(), "Start"), text(host, e.location(), "Group")) : Optional.empty();
                    if (leftAlone.isPresent()) {
                        untouched.add(leftAlone.get());
                    } else if (m.matches() && catalog.driver(m.group(2)).isPresent()) {
                        actions.add(new Action.RemoveService(m.group(2)));
                    } else {
                        untouched.add(e.location());
                    }
                }
                case LEFTOVER_REGISTRY_KEY, PRODUCT_REGISTRY_KEY, VENDOR_REGISTRY_KEY -> {
                    if (coveredKey(catalog, f.vendor(), e.location())) {
                        actions.add(new Action.DeleteRegistryKey(e.location()));
                    } else {
                        untouched.add(e.location());
                    }
                }
                case SECURITY_CENTER -> securityCenter = true;
                default -> untouched.add(e.location());
            }
        }
        if (!configOnly.isEmpty()) {
            actions.add(0, new Action.Run(LinuxRecipe.dpkgPurge(host, configOnly), Action.Purpose.UNINSTALL));
        }
        // filters come out before the drivers they name are deleted: else no keyboard or mouse after the restart
        actions.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        String remaining = untouched.isEmpty() ? "" : "not covered by the catalog's leftover rules, left as they are: "
                + String.join(", ", RemovalPlanner.distinct(untouched));
        String stale = securityCenter ? "Security Center still lists the product: Windows drops the entry once the "
                + "product's service is gone, usually at the next restart; if it stays, note it on the receipt." : "";
        String fullNote = String.join(" ", List.of(note, remaining, stale)).strip().replaceAll("\\s+", " ");
        return new RemovalItem(f.productId(), f.product(), f.category(), RemovalMethod.CLEANUP,
                RemovalPlanner.CLEANUP_ORDER, RemovalPlanner.distinct(actions), List.of(), fullNote,
                actions.isEmpty() ? Optional.of(securityCenter ? "only a Security Center entry is left; Riddance "
                        + "reports it and does not edit Windows' own list" : "nothing here is covered by the catalog's "
                        + "leftover rules; check by hand") : Optional.empty());
    }

    private static int rank(Action a) {
        if (a instanceof Action.Run) {
            return 0;
        }
        if (a instanceof Action.CleanUpperFilters) {
            return 1;
        }
        return a instanceof Action.RemoveService || a instanceof Action.DeleteRegistryKey ? 2 : 3;
    }

    private static long number(Host host, String key, String value) {
        return host.registry().value(key, value).map(v -> v.data() instanceof Number n ? n.longValue() : -1L).orElse(-1L);
    }

    private static String text(Host host, String key, String value) {
        return host.registry().value(key, value).map(org.riddance.platform.RegistryValue::asText).orElse("");
    }

    static List<String> vendorDrivers(Catalog catalog, String vendorName) {
        return catalog.drivers().stream().filter(d -> d.filterClass() != null)
                .filter(d -> vendorMatches(catalog, d.vendor(), vendorName)).map(d -> d.name()).toList();
    }

    /** @param location as the catalog's default layout names it ({@link WindowsFolders#asDefaultLayout}) */
    static boolean coveredFolder(Catalog catalog, String vendorName, String location) {
        return LeftoverRules.coveredFolder(catalog, vendorName, location);
    }

    static boolean coveredKey(Catalog catalog, String vendorName, String key) {
        return LeftoverRules.coveredKey(catalog, vendorName, key);
    }

    static boolean vendorMatches(Catalog catalog, String vendorId, String vendorName) {
        return LeftoverRules.vendorMatches(catalog, vendorId, vendorName);
    }
}
