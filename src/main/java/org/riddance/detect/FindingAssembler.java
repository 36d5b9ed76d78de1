package org.riddance.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.catalog.Citation;
import org.riddance.catalog.ProductRule;
import org.riddance.catalog.Vendor;
import org.riddance.platform.OsFamily;

/**
 * Turns scanner hits into findings, one per product. The rules, in order:
 * <ol>
 * <li>A product with primary evidence (an uninstall entry, a product key, a package, a receipt, an app) is installed.</li>
 * <li>Evidence pointing at a product that is not installed, but whose process or service it shares with an
 *     installed product of the same vendor (avp.exe, the AVP service), belongs to the installed one.</li>
 * <li>Vendor evidence that is "attachable" (its folders, drivers, filters) belongs to the vendor's first
 *     installed product; with none installed it stands alone as leftovers or orphan drivers.</li>
 * <li>The rest stands alone: stray keys, embedded engines, vendor products the catalog does not name.</li>
 * </ol>
 */
final class FindingAssembler {

    private static final Set<EvidenceKind> PRIMARY = EnumSet.of(EvidenceKind.UNINSTALL_ENTRY,
            EvidenceKind.PRODUCT_REGISTRY_KEY, EvidenceKind.PACKAGE, EvidenceKind.PKG_RECEIPT, EvidenceKind.APP_BUNDLE);

    private static final java.util.regex.Pattern MSI_KEY = java.util.regex.Pattern.compile(
            "\\\\\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}$");

    private final Catalog catalog;
    private final OsFamily platform;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    FindingAssembler(Catalog catalog, OsFamily platform) {
        this.catalog = catalog;
        this.platform = platform;
    }

    List<Finding> assemble(List<Hit> hits) {
        List<Hit> deferred = new ArrayList<>();
        for (Hit hit : hits) {
            if (hit.productId().isPresent() && hit.category().isEmpty()) {
                group(hit.productId().get(), hit).add(hit);
            } else {
                deferred.add(hit);
            }
        }
        foldSharedEvidence();
        for (Hit hit : deferred) {
            placeDeferred(hit);
        }
        return groups.values().stream().map(this::finding)
                .sorted(Comparator.comparing(Finding::category).thenComparing(Finding::product))
                .toList();
    }

    /** Rule 2: product groups without primary evidence move into an installed product sharing a process or service. */
    private void foldSharedEvidence() {
        for (Group orphan : List.copyOf(groups.values())) {
            if (orphan.installed() || orphan.rule.isEmpty()) {
                continue;
            }
            groups.values().stream()
                    .filter(g -> g != orphan && g.installed() && g.vendorId.equals(orphan.vendorId))
                    .filter(g -> g.rule.isPresent() && sharesProcessOrService(g.rule.get(), orphan.rule.get()))
                    .findFirst()
                    .ifPresent(target -> {
                        target.hits.addAll(orphan.hits);
                        groups.remove(orphan.key);
                    });
        }
    }

    private void placeDeferred(Hit hit) {
        Category category = hit.category().orElse(Category.PRODUCT);
        if (hit.productId().isPresent()) { // a product's part left behind (rule 3 for a named product)
            Group owner = groups.get(hit.productId().get());
            if (owner != null && owner.installed()) {
                owner.add(hit);
            } else {
                group(hit.productId().get() + "-leftovers", hit).add(hit);
            }
            return;
        }
        if (hit.attachable()) {
            // drivers and folders belong to a protection product before a management agent
            Optional<Group> installed = groups.values().stream()
                    .filter(g -> g.installed() && g.vendorId.equals(hit.vendorId()))
                    .filter(g -> g.category() == Category.PRODUCT || g.category() == Category.MANAGEMENT_AGENT)
                    .min(Comparator.comparing(Group::category));
            if (installed.isPresent()) {
                installed.get().add(hit);
                return;
            }
        }
        String suffix = category == Category.PRODUCT
                ? "unlisted-" + hit.displayName().orElse("product").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                : category.id();
        group(hit.vendorId() + "-" + suffix, hit).add(hit);
    }

    private Group group(String key, Hit first) {
        return groups.computeIfAbsent(key, k -> new Group(k, first, catalog));
    }

    private static boolean sharesProcessOrService(ProductRule a, ProductRule b) {
        Set<String> names = new HashSet<>(processesAndServices(a));
        return processesAndServices(b).stream().anyMatch(names::contains);
    }

    private static List<String> processesAndServices(ProductRule rule) {
        List<String> names = new ArrayList<>();
        if (rule.windows() != null) {
            rule.windows().processes().forEach(p -> names.add(p.toLowerCase(Locale.ROOT)));
        }
        if (rule.linux() != null) {
            rule.linux().processes().forEach(p -> names.add(p.toLowerCase(Locale.ROOT)));
        }
        return names;
    }

    private Finding finding(Group group) {
        Category category = group.category();
        Optional<Vendor> vendor = catalog.vendor(group.vendorId);
        List<String> citationIds = group.rule.map(ProductRule::citations).filter(c -> !c.isEmpty())
                .orElseGet(() -> vendor.map(Vendor::citations).orElse(List.of()));
        List<Citation> citations = catalog.citations(citationIds);
        if (category == Category.EMBEDDED_ENGINE) {
            citations = citations.stream().filter(Citation::embedded).toList(); // BOD 17-01 excludes embedded code
        }
        String version = group.hits.stream().map(Hit::version).flatMap(Optional::stream).findFirst().orElse("");
        return new Finding(group.key, group.name(vendor), vendor.map(Vendor::name).orElse(group.vendorId), category,
                version, platform, group.hits.stream().map(Hit::evidence).distinct().toList(), citations,
                group.removable(platform));
    }

    private static final class Group {
        final String key;
        final String vendorId;
        final Optional<ProductRule> rule;
        final Optional<Category> categoryOverride;
        final Optional<String> displayName;
        final List<Hit> hits = new ArrayList<>();

        Group(String key, Hit first, Catalog catalog) {
            this.key = key;
            this.vendorId = first.vendorId();
            this.rule = first.productId().flatMap(catalog::product);
            this.categoryOverride = first.category();
            this.displayName = first.displayName();
        }

        void add(Hit hit) {
            hits.add(hit);
        }

        boolean installed() {
            return categoryOverride.isEmpty() && hits.stream().anyMatch(h -> PRIMARY.contains(h.evidence().kind()));
        }

        Category category() {
            return categoryOverride.orElseGet(() -> rule.map(ProductRule::category).orElse(Category.PRODUCT));
        }

        String name(Optional<Vendor> vendor) {
            String vendorName = vendor.map(Vendor::name).orElse(vendorId).replaceFirst("^AO ", "");
            return switch (category()) {
                case LEFTOVER -> rule.map(r -> r.name() + " (leftovers)").orElse(vendorName + " leftovers");
                case DRIVER -> vendorName + " drivers without an installed product";
                case EMBEDDED_ENGINE -> vendorName + " engine embedded in another product";
                default -> rule.map(ProductRule::name).or(() -> displayName).orElse(vendorName + " product");
            };
        }

        /**
         * A vendor product the catalog does not name is removed the platform's usual way when its evidence allows
         * it: its packages purged, or its MSI product code (an uninstall key named by a GUID) uninstalled.
         */
        boolean unlistedRemovable(OsFamily platform) {
            return switch (platform) {
                case LINUX -> hits.stream().anyMatch(h -> h.evidence().kind() == EvidenceKind.PACKAGE);
                case WINDOWS -> hits.stream().anyMatch(h -> h.evidence().kind() == EvidenceKind.UNINSTALL_ENTRY
                        && MSI_KEY.matcher(h.evidence().location()).find());
                case MACOS -> false;
            };
        }

        boolean removable(OsFamily platform) {
            return switch (category()) {
                case LEFTOVER, DRIVER -> true;              // the leftover sweep and driver clean-up handle these
                case EMBEDDED_ENGINE -> false;              // it belongs to another vendor's product: its own uninstaller
                default -> rule.map(r -> r.removal() != null
                        && r.removal().method().containsKey(platform.id())
                        && !"manual".equals(r.removal().method().get(platform.id()))).orElseGet(() -> unlistedRemovable(platform));
            };
        }
    }
}
