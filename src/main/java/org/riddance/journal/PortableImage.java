package org.riddance.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.riddance.platform.OsFamily;

/**
 * The portable copy of Riddance, run from a USB stick: a jpackage app image whose app folder holds the
 * {@value #MARKER} file. It keeps its data (sessions, logs, backups, receipts, keys) in {@value #DATA_FOLDER}
 * beside the image on the stick, so nothing of the technician's is left on the PC being cleaned.
 *
 * <p>jpackage's launcher sets {@code jpackage.app-path} to its own executable; the app folder sits at a fixed
 * place from it in each OS's image layout.
 */
public record PortableImage(Path imageRoot) {

    /** The file the portable build puts in the image's app folder; the installed packages do not have it. */
    public static final String MARKER = "riddance-portable";
    public static final String DATA_FOLDER = "RiddanceData";
    /** The system property jpackage's launcher sets to its own path. */
    public static final String APP_PATH_PROPERTY = "jpackage.app-path";

    /** Where the data goes: beside the image, on the stick. */
    public Path dataDir() {
        Path parent = imageRoot.getParent();
        return (parent != null ? parent : imageRoot).resolve(DATA_FOLDER);
    }

    /**
     * @param launcher the launcher's path ({@code jpackage.app-path}); empty when not started by a jpackage
     *                 launcher (java -jar, tests), which is never portable
     */
    public static Optional<PortableImage> detect(OsFamily family, Optional<String> launcher) {
        return launcher.filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize())
                .flatMap(path -> layout(family, path))
                .filter(image -> Files.isRegularFile(appFolder(family, image.imageRoot()).resolve(MARKER)));
    }

    public static Optional<PortableImage> detectForThisProcess() {
        return detect(OsFamily.current(), Optional.ofNullable(System.getProperty(APP_PATH_PROPERTY)));
    }

    /** The image root from the launcher's path: Linux {@code Riddance/bin/Riddance}, Windows
     *  {@code Riddance\Riddance.exe}, macOS {@code Riddance.app/Contents/MacOS/Riddance}. */
    private static Optional<PortableImage> layout(OsFamily family, Path launcher) {
        int levelsUp = switch (family) {
            case WINDOWS -> 1;
            case LINUX -> 2;
            case MACOS -> 3;
        };
        Path root = launcher;
        for (int i = 0; i < levelsUp && root != null; i++) {
            root = root.getParent();
        }
        return Optional.ofNullable(root).map(PortableImage::new);
    }

    /** Where jpackage puts the jar and the launcher's .cfg in each layout. */
    static Path appFolder(OsFamily family, Path imageRoot) {
        return switch (family) {
            case WINDOWS -> imageRoot.resolve("app");
            case LINUX -> imageRoot.resolve("lib").resolve("app");
            case MACOS -> imageRoot.resolve("Contents").resolve("app");
        };
    }
}
