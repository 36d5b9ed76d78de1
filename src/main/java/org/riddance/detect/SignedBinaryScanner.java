package org.riddance.detect;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.catalog.EmbeddedEngineMarkers;
import org.riddance.catalog.Vendor;
import org.riddance.platform.Authenticode;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.WindowsFolders;
import org.riddance.work.Cancellation;

/**
 * Windows binaries in other companies' folders whose Authenticode signature names a banned vendor: the
 * vendor's engine embedded in someone else's product. Only the certificate table of each {@code .exe},
 * {@code .dll} and {@code .sys} is read; the claim is not verified offline (see {@link Authenticode}).
 */
final class SignedBinaryScanner implements Scanner {

    /** Where other companies' products live, wherever this Windows keeps those folders. */
    static final List<WindowsFolders> ROOTS = List.of(WindowsFolders.PROGRAM_FILES, WindowsFolders.PROGRAM_FILES_X86,
            WindowsFolders.PROGRAM_DATA);
    private static final List<String> EXTENSIONS = List.of(".exe", ".dll", ".sys");

    @Override
    public String name() {
        return "Vendor-signed binaries in other vendors' folders";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.WINDOWS;
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (WindowsFolders known : ROOTS) {
            String root = known.path(host);
            Path folder = host.files().resolve(root);
            if (Files.isDirectory(folder)) {
                walk(host, catalog, root, folder, hits, cancellation);
            }
        }
        return hits;
    }

    private static void walk(Host host, Catalog catalog, String root, Path folder, List<Hit> hits,
                             Cancellation cancellation) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                cancellation.throwIfCancelled();
                // the catalog names the vendor's folders as a default install on C: lays them out
                String windowsPath = WindowsFolders.asDefaultLayout(host, windowsPath(root, folder, dir)) + "\\";
                boolean own = catalog.embedded().stream().anyMatch(m -> m.isOwnFolder(windowsPath));
                return own ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE; // the vendor's own products
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (attrs.isRegularFile() && EXTENSIONS.stream().anyMatch(name::endsWith)) {
                    signedByVendor(catalog, file).ifPresent(found -> hits.add(Hit.vendorAlone(found.vendor.id(),
                            Category.EMBEDDED_ENGINE, new Evidence(EvidenceKind.SIGNED_BINARY,
                                    windowsPath(root, folder, file), "Authenticode signer \"" + found.signer
                                    + "\" (claimed in the file's certificate table, not verified offline)"))));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // locked or unreadable: not evidence either way
            }
        });
    }

    private record Signed(Vendor vendor, String signer) {
    }

    private static Optional<Signed> signedByVendor(Catalog catalog, Path file) {
        try {
            return Authenticode.signer(file).flatMap(signer -> catalog.vendors().stream()
                    .filter(v -> v.signs(signer.organisation()) || v.signs(signer.commonName()))
                    .findFirst()
                    .map(v -> new Signed(v, signer.organisation().isEmpty() ? signer.commonName() : signer.organisation())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String windowsPath(String root, Path rootFolder, Path path) {
        String relative = rootFolder.relativize(path).toString().replace('/', '\\');
        return relative.isEmpty() ? root : root + "\\" + relative;
    }
}
