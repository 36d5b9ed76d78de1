package org.riddance.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.catalog.Leftovers;
import org.riddance.catalog.ProductRule;
import org.riddance.platform.Host;
import org.riddance.platform.WindowsFolders;
import org.riddance.platform.OsFamily;
import org.riddance.work.Cancellation;

/**
 * The vendor folders the catalog names for this OS ({@code /opt/kaspersky}, {@code C:\ProgramData\Kaspersky Lab}).
 * Each subfolder is matched to the product that owns it; the assembly decides whether it is that product's
 * install folder or what an uninstall left behind.
 */
final class LeftoverFolderScanner implements Scanner {

    @Override
    public String name() {
        return "Vendor folders and leftovers";
    }

    @Override
    public boolean appliesTo(Host host) {
        return true;
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (Leftovers leftovers : catalog.leftovers()) {
            for (String folder : folders(leftovers, host)) {
                Path path = host.files().resolve(folder);
                if (Files.isDirectory(path)) {
                    scanFolder(host, catalog, leftovers.vendor(), folder, path, hits, cancellation);
                }
            }
            if (host.os().family() == OsFamily.WINDOWS) {
                for (String glob : leftovers.windowsFolderGlobs()) {
                    globbed(host, leftovers.vendor(), WindowsFolders.onThisMachine(host, glob), hits, cancellation);
                }
            }
        }
        return hits;
    }

    /** Folders named by build ({@code C:\\Windows\\System32\\drivers\\K4W-21-25}): each one the glob matches. */
    private static void globbed(Host host, String vendor, String glob, List<Hit> hits, Cancellation cancellation)
            throws IOException {
        int cut = glob.lastIndexOf('\\');
        String parent = glob.substring(0, cut);
        Path parentPath = host.files().resolve(parent);
        if (!Files.isDirectory(parentPath)) {
            return;
        }
        java.util.regex.Pattern name = Leftovers.globRegex(glob.substring(cut + 1));
        try (Stream<Path> list = Files.list(parentPath)) {
            for (Path child : list.filter(Files::isDirectory).sorted().toList()) {
                String childName = child.getFileName().toString();
                if (name.matcher(childName.toLowerCase(java.util.Locale.ROOT) + "\\").matches()) {
                    hits.add(Hit.vendorPart(vendor, Category.LEFTOVER, new Evidence(EvidenceKind.FOLDER,
                            parent + "\\" + childName, LeftoverSweep.summarise(child, cancellation).describe())));
                }
            }
        }
    }

    private static void scanFolder(Host host, Catalog catalog, String vendor, String folder, Path path, List<Hit> hits,
                                   Cancellation cancellation) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(path)) {
            children = list.filter(Files::isDirectory).sorted().toList();
        }
        if (children.isEmpty()) {
            hits.add(Hit.vendorPart(vendor, Category.LEFTOVER, new Evidence(EvidenceKind.FOLDER, folder,
                    LeftoverSweep.summarise(path, cancellation).describe())));
            return;
        }
        String separator = folder.contains("\\") ? "\\" : "/";
        List<String> childFolders = children.stream().map(c -> folder + separator + c.getFileName()).toList();
        PackageOwners packages = host.os().family() == OsFamily.LINUX
                ? PackageOwners.of(host, childFolders, cancellation) : PackageOwners.none();
        for (int i = 0; i < children.size(); i++) {
            cancellation.throwIfCancelled();
            String childFolder = childFolders.get(i);
            Evidence evidence = new Evidence(EvidenceKind.FOLDER, childFolder,
                    LeftoverSweep.summarise(children.get(i), cancellation).describe());
            Optional<String> ownerPackage = packages.owner(childFolder);
            if (ownerPackage.isPresent()) {
                ownedFolder(catalog, vendor, ownerPackage.get(), evidence).ifPresent(hits::add);
                continue;
            }
            hits.add(owner(catalog, host.os().family(), childFolder)
                    .map(p -> Hit.productLeftover(p.id(), p.vendor(), evidence))
                    .orElseGet(() -> Hit.vendorPart(vendor, Category.LEFTOVER, evidence)));
        }
    }

    /**
     * A folder an installed package owns is part of that package's finding and never a leftover on its own: the
     * catalog product the package is (its leftovers only if that package is merely config-files), else the vendor
     * product named after the package, as the package scanners name it.
     */
    private static Optional<Hit> ownedFolder(Catalog catalog, String vendor, String packageName, Evidence evidence) {
        Evidence owned = new Evidence(evidence.kind(), evidence.location(),
                evidence.detail() + "; owned by the package " + packageName);
        return Optional.of(catalog.linuxProductByPackage(packageName)
                .map(p -> Hit.productLeftover(p.id(), p.vendor(), owned))
                .orElseGet(() -> Hit.vendorAlone(vendor, Category.PRODUCT, owned).withDisplayName(packageName)));
    }

    /** The product whose install folder this is, or whose package name the folder carries ({@code /var/log/kaspersky/kesl}). */
    private static Optional<ProductRule> owner(Catalog catalog, OsFamily family, String folder) {
        if (family != OsFamily.LINUX) {
            return Optional.empty();
        }
        String leaf = folder.substring(folder.lastIndexOf('/') + 1);
        return catalog.products().stream()
                .filter(p -> p.linux() != null
                        && (p.linux().paths().contains(folder) || p.linux().packages().contains(leaf)))
                .findFirst();
    }

    /** The catalog's folders where this machine has them: Windows need not live on C:. */
    private static List<String> folders(Leftovers leftovers, Host host) {
        return switch (host.os().family()) {
            case WINDOWS -> leftovers.windowsFolders().stream().map(f -> WindowsFolders.onThisMachine(host, f)).toList();
            case LINUX -> leftovers.linuxFolders();
            case MACOS -> leftovers.macFolders();
        };
    }
}
