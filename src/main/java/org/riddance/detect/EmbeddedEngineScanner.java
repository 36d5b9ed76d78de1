package org.riddance.detect;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.catalog.EmbeddedEngineMarkers;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.WindowsFolders;
import org.riddance.work.Cancellation;

/** The vendor's SDK data folders, which other companies' products carry when they embed its engine. */
final class EmbeddedEngineScanner implements Scanner {

    @Override
    public String name() {
        return "Embedded engine folders";
    }

    @Override
    public boolean appliesTo(Host host) {
        return true; // the markers name Windows and Linux folders alike; a path that does not exist costs a stat
    }

    /** Install folders of other companies' products, wherever this Windows keeps them. */
    static final List<WindowsFolders> PROGRAM_FOLDERS = List.of(WindowsFolders.PROGRAM_FILES, WindowsFolders.PROGRAM_FILES_X86);
    /** Folders down to four levels below Program Files are looked at (a walk passes the last level as files). */
    static final int DEPTH = 5;

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException {
        List<Hit> hits = new ArrayList<>();
        if (host.os().family() == OsFamily.WINDOWS) {
            for (EmbeddedEngineMarkers markers : catalog.embedded()) {
                if (!markers.engineFolders().isEmpty()) {
                    engineFolders(host, markers, hits, cancellation);
                }
            }
        }
        for (EmbeddedEngineMarkers markers : catalog.embedded()) {
            for (String folder : markers.sdkFolders()) {
                cancellation.throwIfCancelled();
                if (!forThisOs(host, folder)) {
                    continue;
                }
                String here = host.os().family() == OsFamily.WINDOWS ? WindowsFolders.onThisMachine(host, folder) : folder;
                if (Files.isDirectory(host.files().resolve(here))) {
                    LeftoverSweep.Summary summary = LeftoverSweep.summarise(host.files().resolve(here), cancellation);
                    hits.add(Hit.vendorAlone(markers.vendor(), Category.EMBEDDED_ENGINE, new Evidence(
                            EvidenceKind.SDK_FOLDER, here, "engine data folder: " + summary.describe())));
                }
            }
        }
        return hits;
    }

    /** Folders named like the vendor's engine ({@code kavdrivers}, {@code kav\\bases}) inside another company's folder. */
    private static void engineFolders(Host host, EmbeddedEngineMarkers markers, List<Hit> hits, Cancellation cancellation)
            throws IOException {
        List<String> tails = markers.engineFolders().stream().map(t -> "\\" + t.toLowerCase(Locale.ROOT)).toList();
        for (WindowsFolders folder : PROGRAM_FOLDERS) {
            String root = folder.path(host);
            Path base = host.files().resolve(root);
            if (!Files.isDirectory(base)) {
                continue;
            }
            // folders only, and never into the vendor's own: a live Program Files holds many thousand files
            Files.walkFileTree(base, EnumSet.noneOf(FileVisitOption.class), DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            cancellation.throwIfCancelled();
                            String relative = base.relativize(dir).toString().replace('/', '\\');
                            String windowsPath = relative.isEmpty() ? root : root + "\\" + relative;
                            if (markers.isOwnFolder(WindowsFolders.asDefaultLayout(host, windowsPath) + "\\")) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            String lower = windowsPath.toLowerCase(Locale.ROOT);
                            if (tails.stream().anyMatch(lower::endsWith)) {
                                hits.add(Hit.vendorAlone(markers.vendor(), Category.EMBEDDED_ENGINE, new Evidence(
                                        EvidenceKind.SDK_FOLDER, windowsPath, "the vendor's engine folder inside another "
                                        + "company's product: " + LeftoverSweep.summarise(dir, cancellation).describe())));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE; // a locked folder is no evidence either way
                        }
                    });
        }
    }

    private static boolean forThisOs(Host host, String folder) {
        boolean windowsPath = folder.length() > 1 && folder.charAt(1) == ':';
        return windowsPath == (host.os().family() == org.riddance.platform.OsFamily.WINDOWS);
    }
}
