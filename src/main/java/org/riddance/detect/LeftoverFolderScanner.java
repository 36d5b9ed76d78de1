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
            for (String folder : folders(leftovers, host.os().family())) {
                Path path = host.files().resolve(folder);
                if (Files.isDirectory(path)) {
                    scanFolder(host, catalog, leftovers.vendor(), folder, path, hits, cancellation);
                }
            }
        }
        return hits;
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
        for (Path child : children) {
            cancellation.throwIfCancelled();
            String childFolder = folder + separator + child.getFileName();
            Evidence evidence = new Evidence(EvidenceKind.FOLDER, childFolder,
                    LeftoverSweep.summarise(child, cancellation).describe());
            hits.add(owner(catalog, host.os().family(), childFolder)
                    .map(p -> Hit.productLeftover(p.id(), p.vendor(), evidence))
                    .orElseGet(() -> Hit.vendorPart(vendor, Category.LEFTOVER, evidence)));
        }
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

    private static List<String> folders(Leftovers leftovers, OsFamily family) {
        return switch (family) {
            case WINDOWS -> leftovers.windowsFolders();
            case LINUX -> leftovers.linuxFolders();
            case MACOS -> leftovers.macFolders();
        };
    }
}
