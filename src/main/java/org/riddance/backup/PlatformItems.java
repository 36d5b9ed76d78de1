package org.riddance.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.LeftoverRules;
import org.riddance.catalog.Leftovers;
import org.riddance.catalog.ProductRule;
import org.riddance.detect.Evidence;
import org.riddance.detect.EvidenceKind;
import org.riddance.detect.Finding;
import org.riddance.platform.Host;
import org.riddance.platform.WindowsFolders;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegFileWriter;
import org.riddance.work.Cancellation;

/**
 * What the platform knows is the product's, beyond the catalog's back-up items: a package's configuration and
 * changed files, the folders removal and the leftover sweep delete (by the same catalog rules they use), its
 * data folder and the vendor's ProgramData folders on Windows, and the registry keys cleanup deletes. With these
 * in the archive, removal deletes nothing the archive does not hold.
 */
final class PlatformItems {

    private static final Pattern SERVICE_KEY = Pattern.compile(
            "(?i)HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\(?:ControlSet\\d{3}|CurrentControlSet)\\\\Services\\\\[^\\\\]+");
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.\\-]+");

    private final Host host;
    private final Catalog catalog;
    /** Folders and keys already in the plan, normalised: a second finding sharing a vendor folder adds nothing. */
    private final Set<String> planned = new LinkedHashSet<>();

    PlatformItems(Host host, Catalog catalog) {
        this.host = host;
        this.catalog = catalog;
    }

    void alreadyPlanned(PlannedItem item) {
        if (item.covers() != null && item.available()) {
            planned.add(LeftoverRules.normal(item.covers().source()));
        }
    }

    List<PlannedItem> of(Finding f, Optional<ProductRule> rule, Map<String, String> placeholders, Cancellation cancel) {
        List<PlannedItem> items = new ArrayList<>();
        packages(f, cancel, items);
        for (String folder : folders(f, rule, placeholders)) {
            if (!coveredAlready(folder, f.platform() == OsFamily.WINDOWS)) {
                PlannedItem item = folder(f, folder, cancel);
                if (item != null) {
                    items.add(item);
                    alreadyPlanned(item);
                }
            }
        }
        for (String key : registryKeys(f)) {
            if (!coveredAlready(key, true) && host.registry().exists(key)) {
                String itemKey = EntryName.segment(f.productId()) + "/registry-" + EntryName.segment(leaf(key));
                long bytes = RegFileWriter.export(host.registry(), key).length;
                PlannedItem item = new PlannedItem(itemKey, f.productId(), f.product(), "Registry key removal deletes",
                        PlannedItem.Kind.REGISTRY_KEY, key, null, key, null, bytes, 1, null, null);
                items.add(item);
                alreadyPlanned(item);
            }
        }
        return items;
    }

    private void packages(Finding f, Cancellation cancel, List<PlannedItem> items) {
        for (Evidence e : f.evidence()) {
            if (e.kind() != EvidenceKind.PACKAGE || !PACKAGE.matcher(e.location()).matches()
                    || planned.contains("package:" + e.location())) {
                continue;
            }
            planned.add("package:" + e.location());
            boolean rpm = e.detail().endsWith("the rpm database");
            String key = EntryName.segment(f.productId()) + "/package-" + EntryName.segment(e.location());
            String source = "package " + e.location() + (rpm ? " (rpm -qc, rpm -V)" : " (dpkg conffiles, dpkg --verify)");
            Manifest.Covered covers = new Manifest.Covered(f.productId(), key, Manifest.Covered.PACKAGE, e.location());
            String what = "Configuration and changed files";
            try {
                List<String> paths = PackageFiles.of(host, e.location(), rpm, cancel);
                long bytes = 0;
                for (String p : paths) {
                    bytes += Files.size(host.files().resolve(p));
                }
                items.add(new PlannedItem(key, f.productId(), f.product(), what, PlannedItem.Kind.FILES, source, null,
                        null, null, bytes, paths.size(), null, null, paths, covers));
            } catch (IOException | RuntimeException ex) {
                items.add(new PlannedItem(key, f.productId(), f.product(), what, PlannedItem.Kind.FILES, source, null,
                        null, null, 0, 0, null, "The package database could not list its files: " + ex.getMessage(),
                        List.of(), covers));
            }
        }
    }

    private PlannedItem folder(Finding f, String systemPath, Cancellation cancel) {
        Path folder;
        try {
            folder = host.files().resolve(systemPath);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return null; // nothing there to lose, nothing for removal to delete
        }
        String key = EntryName.segment(f.productId()) + "/folder-" + EntryName.segment(
                LeftoverRules.normal(systemPath).replaceFirst("^[a-z]:", "").replaceAll("^/+", "").replace('/', '-'));
        ProductRule.BackupItem item = new ProductRule.BackupItem(key, f.platform().id(), "folder",
                "Folder removal deletes", systemPath, null, null);
        return BackupPlanner.folderItem(host, f, item, key, systemPath, folder, cancel);
    }

    /** Every folder of the product that removal or the leftover sweep deletes, by the catalog's own rules. */
    private List<String> folders(Finding f, Optional<ProductRule> rule, Map<String, String> placeholders) {
        Set<String> folders = new LinkedHashSet<>();
        if (f.platform() == OsFamily.LINUX) {
            rule.map(ProductRule::linux).ifPresent(l -> folders.addAll(l.paths()));
        }
        if (f.platform() == OsFamily.WINDOWS) {
            Optional.ofNullable(placeholders.get("DataFolder")).ifPresent(folders::add);
            for (Leftovers l : catalog.leftovers()) {
                if (LeftoverRules.vendorMatches(catalog, l.vendor(), f.vendor())) {
                    l.windowsFolders().stream().filter(p -> p.toLowerCase(Locale.ROOT).startsWith("c:\\programdata\\"))
                            .map(p -> WindowsFolders.onThisMachine(host, p)).forEach(folders::add);
                }
            }
        }
        for (Evidence e : f.evidence()) {
            if (e.kind() == EvidenceKind.FOLDER && LeftoverRules.coveredFolder(catalog, f.vendor(),
                    WindowsFolders.asDefaultLayout(host, e.location()))) {
                folders.add(e.location());
            }
        }
        return List.copyOf(folders);
    }

    private List<String> registryKeys(Finding f) {
        Set<String> keys = new LinkedHashSet<>();
        for (Evidence e : f.evidence()) {
            switch (e.kind()) {
                case LEFTOVER_REGISTRY_KEY, PRODUCT_REGISTRY_KEY, VENDOR_REGISTRY_KEY -> {
                    if (LeftoverRules.coveredKey(catalog, f.vendor(), e.location())) {
                        keys.add(e.location());
                    }
                }
                case DRIVER, SERVICE -> {
                    if (SERVICE_KEY.matcher(e.location()).matches()) {
                        keys.add(e.location());
                    }
                }
                default -> { }
            }
        }
        return List.copyOf(keys);
    }

    /** @param ignoreCase Windows paths and registry keys; Linux and macOS names differ by case */
    /** The leftover folders of the findings' vendors, as paths under the root. */
    List<Path> vendorFolders(List<Finding> findings) {
        Set<Path> folders = new LinkedHashSet<>();
        for (Finding f : findings) {
            for (Leftovers l : catalog.leftovers()) {
                if (!LeftoverRules.vendorMatches(catalog, l.vendor(), f.vendor())) {
                    continue;
                }
                List<String> paths = switch (f.platform()) {
                    case WINDOWS -> l.windowsFolders().stream().map(p -> WindowsFolders.onThisMachine(host, p)).toList();
                    case LINUX -> l.linuxFolders();
                    case MACOS -> l.macFolders();
                };
                for (String p : paths) {
                    try {
                        folders.add(host.files().resolve(p));
                    } catch (IllegalArgumentException e) {
                        // not a path of this root
                    }
                }
            }
        }
        return List.copyOf(folders);
    }

    private boolean coveredAlready(String location, boolean ignoreCase) {
        String path = fold(LeftoverRules.normal(location), ignoreCase);
        return planned.stream().map(p -> fold(p, ignoreCase)).anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    private static String fold(String text, boolean ignoreCase) {
        return ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    }

    private static String leaf(String key) {
        return key.substring(key.lastIndexOf('\\') + 1);
    }
}
