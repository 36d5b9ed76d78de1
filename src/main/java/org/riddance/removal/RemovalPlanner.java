package org.riddance.removal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.catalog.ProductRule;
import org.riddance.detect.Finding;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;

/**
 * Turns findings into a plan with the catalog's recipes. Nothing runs here: every command is built (and shown)
 * before the technician agrees to it. Products come off in catalog order (protection products 10, agents 20,
 * servers 30); leftovers and stray drivers are cleaned last.
 */
public final class RemovalPlanner {

    static final int CLEANUP_ORDER = 90;

    private final Catalog catalog;
    private final Host host;
    private final Path sessionDir;

    public RemovalPlanner(Catalog catalog, Host host, Path sessionDir) {
        this.catalog = catalog;
        this.host = host;
        this.sessionDir = sessionDir;
    }

    public RemovalPlan plan(List<Finding> findings, Passwords passwords) {
        List<RemovalItem> items = new ArrayList<>();
        for (Finding f : findings) {
            items.add(item(f, passwords));
        }
        items.sort(Comparator.comparingInt(RemovalItem::order)); // stable: scan order within one rank
        return new RemovalPlan(items);
    }

    /** The same item again with passwords: what runs after the technician typed them. */
    public RemovalItem item(Finding f, Passwords passwords) {
        Optional<ProductRule> rule = catalog.product(f.productId());
        int order = rule.map(ProductRule::removal).map(ProductRule.Removal::order).orElse(defaultOrder(f.category()));
        String note = rule.map(ProductRule::removal).map(ProductRule.Removal::note).orElse("");
        if (f.category() == Category.EMBEDDED_ENGINE) {
            return new RemovalItem(f.productId(), f.product(), f.category(), RemovalMethod.MANUAL, CLEANUP_ORDER,
                    List.of(), List.of(), note, Optional.of("this engine is part of another vendor's product: remove "
                    + "or replace that product with its own uninstaller; Riddance does not touch it"));
        }
        if (f.category() == Category.LEFTOVER || f.category() == Category.DRIVER) {
            return Cleanup.item(f, catalog, host, note);
        }
        String platform = platformKey(host.os().family());
        String method = rule.map(ProductRule::removal).map(r -> r.method().get(platform)).orElse(defaultMethod(host));
        List<String> passwordProperties = rule.map(ProductRule::removal)
                .map(r -> r.passwordProperties().getOrDefault(platform, List.of())).orElse(List.of());
        return switch (method) {
            case "msi" -> WindowsRecipe.msi(f, host, catalog, sessionDir, order, passwordProperties, passwords, note);
            case "package" -> LinuxRecipe.packages(f, rule, host, order, note);
            case "uninstall-script" -> MacRecipe.script(f, rule.orElseThrow(), host, order, note);
            default -> new RemovalItem(f.productId(), f.product(), f.category(), RemovalMethod.MANUAL, order, List.of(),
                    passwordProperties, note, Optional.of("the catalog has no silent removal for this product on "
                    + platform + ": remove it with the vendor's own uninstaller, then rescan"));
        };
    }

    static int defaultOrder(Category category) {
        return switch (category) {
            case MANAGEMENT_AGENT -> 20;
            case MANAGEMENT_SERVER -> 30;
            case LEFTOVER, DRIVER, EMBEDDED_ENGINE -> CLEANUP_ORDER;
            default -> 10;
        };
    }

    /** A vendor product the catalog does not name is removed the platform's usual way, if its evidence allows. */
    private static String defaultMethod(Host host) {
        return switch (host.os().family()) {
            case WINDOWS -> "msi";
            case LINUX -> "package";
            case MACOS -> "manual";
        };
    }

    static String platformKey(OsFamily family) {
        return switch (family) {
            case WINDOWS -> "windows";
            case LINUX -> "linux";
            case MACOS -> "macos";
        };
    }

    static <T> List<T> distinct(List<T> list) {
        Set<T> seen = new LinkedHashSet<>(list);
        return List.copyOf(seen);
    }
}
