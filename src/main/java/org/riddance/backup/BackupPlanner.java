package org.riddance.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.ProductRule;
import org.riddance.detect.Evidence;
import org.riddance.detect.EvidenceKind;
import org.riddance.detect.Finding;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegFileWriter;
import org.riddance.platform.RegistryValue;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Turns findings into a back-up plan: for each product, the catalog's items for this platform with their
 * real sizes, {@code {ProductRoot}} and {@code {DataFolder}} read from the product's own registry entry
 * (the folders move between versions, so they are never guessed), and the licence facts.
 */
public final class BackupPlanner {

    private final Host host;
    private final Catalog catalog;
    private final VendorExports exports;

    public BackupPlanner(Host host, Catalog catalog) {
        this.host = host;
        this.catalog = catalog;
        this.exports = new VendorExports(host, catalog);
    }

    public BackupPlan plan(List<Finding> findings, Progress progress, Cancellation cancel) {
        List<PlannedItem> items = new ArrayList<>();
        List<LicenceFact> licences = new ArrayList<>();
        PlatformItems platform = new PlatformItems(host, catalog);
        int done = 0;
        for (Finding finding : findings) {
            cancel.throwIfCancelled();
            progress.update(done++, findings.size(), finding.product());
            Optional<ProductRule> rule = catalog.product(finding.productId());
            Map<String, String> placeholders = placeholders(finding);
            for (ProductRule.BackupItem item : rule.map(ProductRule::backup).orElse(List.of())) {
                if (!item.platform().equals(finding.platform().id())) {
                    continue;
                }
                PlannedItem planned = plan(finding, item, placeholders, cancel);
                items.add(planned);
                platform.alreadyPlanned(planned);
                if (planned.kind() == PlannedItem.Kind.LICENCE_FACTS && planned.available()) {
                    licences.add(licenceFact(finding, placeholders));
                }
            }
            // what removal deletes, whether or not the catalog names it: nothing is deleted that is in no archive
            items.addAll(platform.of(finding, rule, placeholders, cancel));
        }
        progress.update(findings.size(), findings.size(), "");
        return new BackupPlan(items, licences, findings.stream().map(Finding::productId).distinct().toList(),
                platform.vendorFolders(findings));
    }

    private PlannedItem plan(Finding finding, ProductRule.BackupItem item, Map<String, String> placeholders,
                             Cancellation cancel) {
        String key = EntryName.segment(finding.productId()) + "/" + EntryName.segment(item.id());
        return switch (item.kind()) {
            case "folder" -> folder(finding, item, key, placeholders, cancel);
            case "registry-key" -> registryKey(finding, item, key);
            case "vendor-export" -> exports.plan(finding, item, key, placeholders);
            case "licence-facts" -> licenceItem(finding, item, key, placeholders);
            default -> new PlannedItem(key, finding.productId(), finding.product(), item.what(), PlannedItem.Kind.FOLDER,
                    item.kind(), null, null, null, 0, 0, null, "Riddance does not know how to back up '" + item.kind() + "'");
        };
    }

    private PlannedItem folder(Finding finding, ProductRule.BackupItem item, String key,
                               Map<String, String> placeholders, Cancellation cancel) {
        Optional<String> path = Placeholders.fill(item.path(), placeholders);
        if (path.isEmpty()) {
            return unavailable(finding, item, key, PlannedItem.Kind.FOLDER, item.path(),
                    "The product's registry entry does not say where this folder is");
        }
        Path folder = host.files().resolve(path.get());
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return unavailable(finding, item, key, PlannedItem.Kind.FOLDER, path.get(), "Folder not found");
        }
        return folderItem(host, finding, item, key, path.get(), folder, cancel);
    }

    /** A folder that exists: its size, or why it is refused (a link on the way leads outside the system root). */
    static PlannedItem folderItem(Host host, Finding finding, ProductRule.BackupItem item, String key, String systemPath,
                                  Path folder, Cancellation cancel) {
        if (!host.files().holds(folder)) {
            return unavailable(finding, item, key, PlannedItem.Kind.FOLDER, systemPath, "A link on the way to this "
                    + "folder leads outside " + host.files().root() + "; Riddance does not follow it");
        }
        FolderSize size = FolderSize.of(folder, cancel);
        return new PlannedItem(key, finding.productId(), finding.product(), item.what(), PlannedItem.Kind.FOLDER,
                systemPath, folder, null, null, size.bytes, size.files, size.unreadable, null);
    }

    private PlannedItem registryKey(Finding finding, ProductRule.BackupItem item, String key) {
        if (!host.registry().exists(item.registryKey())) {
            return unavailable(finding, item, key, PlannedItem.Kind.REGISTRY_KEY, item.registryKey(),
                    "Registry key not found");
        }
        long bytes = RegFileWriter.export(host.registry(), item.registryKey()).length;
        return new PlannedItem(key, finding.productId(), finding.product(), item.what(), PlannedItem.Kind.REGISTRY_KEY,
                item.registryKey(), null, item.registryKey(), null, bytes, 1, null, null);
    }

    private PlannedItem licenceItem(Finding finding, ProductRule.BackupItem item, String key,
                                    Map<String, String> placeholders) {
        LicenceFact fact = licenceFact(finding, placeholders);
        String problem = fact.keyType().isEmpty() && fact.expiry().isEmpty()
                ? "The product's registry entry holds no licence facts" : null;
        return new PlannedItem(key, finding.productId(), finding.product(), item.what(),
                PlannedItem.Kind.LICENCE_FACTS, fact.source(), null, null, null, 0, 0, null, problem);
    }

    /**
     * Licence type and days to expiry from the product's {@code Data} key ({@code LicKeyType},
     * {@code LicDaysTillExpiration}); the licence key itself is never read.
     */
    private LicenceFact licenceFact(Finding finding, Map<String, String> placeholders) {
        String dataKey = placeholders.getOrDefault("@productKey", "") + "\\Data";
        Map<String, RegistryValue> values = placeholders.containsKey("@productKey")
                ? host.registry().values(dataKey) : Map.of();
        String type = text(values, "LicKeyType");
        String days = text(values, "LicDaysTillExpiration");
        return new LicenceFact(finding.productId(), type, days.isEmpty() ? "" : days + " days left", dataKey);
    }

    /** {@code ProductRoot}, {@code DataFolder} and the product key from the finding's environment key. */
    private Map<String, String> placeholders(Finding finding) {
        Map<String, String> values = new HashMap<>();
        if (finding.platform() != OsFamily.WINDOWS) {
            return values;
        }
        for (Evidence evidence : finding.evidence()) {
            if (evidence.kind() != EvidenceKind.PRODUCT_REGISTRY_KEY) {
                continue;
            }
            Map<String, RegistryValue> env = host.registry().values(evidence.location());
            putIfPresent(values, "ProductRoot", folderText(env, "ProductRoot"));
            putIfPresent(values, "DataFolder", folderText(env, "DataFolder"));
            int cut = evidence.location().toLowerCase().lastIndexOf("\\environment");
            if (cut > 0) {
                values.put("@productKey", evidence.location().substring(0, cut));
            }
            break;
        }
        return values;
    }

    private static String folderText(Map<String, RegistryValue> values, String name) {
        String text = text(values, name);
        return text.isEmpty() || text.endsWith("\\") ? text : text + "\\";
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static String text(Map<String, RegistryValue> values, String name) {
        return values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().asText().trim()).findFirst().orElse("");
    }

    static PlannedItem unavailable(Finding finding, ProductRule.BackupItem item, String key, PlannedItem.Kind kind,
                                   String source, String problem) {
        return new PlannedItem(key, finding.productId(), finding.product(), item.what(), kind, source, null,
                item.registryKey(), item.argv(), 0, 0, null, problem);
    }

    /** Size and file count of a folder, never following links; files this account cannot read are listed. */
    private static final class FolderSize extends SimpleFileVisitor<Path> {
        private final Cancellation cancel;
        private final Path top;
        private long bytes;
        private int files;
        private final List<String> unreadable = new ArrayList<>();

        private FolderSize(Path top, Cancellation cancel) {
            this.top = top;
            this.cancel = cancel;
        }

        static FolderSize of(Path folder, Cancellation cancel) {
            FolderSize size = new FolderSize(folder, cancel);
            try {
                Files.walkFileTree(folder, size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return size;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            cancel.throwIfCancelled();
            if (attrs.isRegularFile()) {
                if (Files.isReadable(file)) {
                    files++;
                    bytes += attrs.size();
                } else {
                    unreadable.add(top.relativize(file).toString());
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            unreadable.add(top.relativize(file).toString());
            return FileVisitResult.CONTINUE;
        }
    }
}
