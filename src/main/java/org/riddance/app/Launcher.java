package org.riddance.app;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.riddance.cli.RiddanceCommand;
import org.riddance.engine.AppContext;
import org.riddance.engine.HeadStart;
import org.riddance.journal.PortableImage;

/**
 * The jar's main class. It must not extend {@code Application}: {@code java -jar} on such a class fails
 * with "JavaFX runtime components are missing" when JavaFX is on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (RiddanceCommand.answeredAtOnce(args, System.out)) { // before anything else: it needs nothing else
            System.exit(org.riddance.cli.ExitCode.OK);
        }
        keepCachesOnTheStick();
        if (args.length == 0) { // the wizard; no argument parsing, and the context is built beside the toolkit
            System.exit(RiddanceApp.open(CompletableFuture.supplyAsync(
                    () -> AppContext.create(Optional.empty(), Optional.empty()))));
        }
        HeadStart.begin(RiddanceCommand.mayReadTheCatalog(args));
        int exit;
        try {
            exit = RiddanceCommand.commandLine(RiddanceApp::open, args).execute(args);
        } catch (OutOfMemoryError e) { // exit 1 would read as "banned products found" to a fleet tool
            System.err.println("riddance: out of memory (the input is larger than this Java runtime can hold; "
                    + "give it more with -Xmx, e.g. java -Xmx4g -jar riddance.jar ...). Nothing was reported.");
            exit = 2;
        }
        System.exit(exit);
    }

    /**
     * A portable copy must leave nothing on the PC it cleans: JavaFX unpacks its native libraries into
     * {@code ~/.openjfx} and PDFBox keeps a font cache in the home folder unless told otherwise, so on a stick
     * both go into the data folder there.
     */
    private static void keepCachesOnTheStick() {
        PortableImage.detectForThisProcess().map(portable -> portable.dataDir().resolve("cache")).ifPresent(cache -> {
            setUnlessGiven("javafx.cachedir", cache.resolve("openjfx").toString());
            try { // PDFBox falls back to the home folder when its cache folder does not exist
                setUnlessGiven("pdfbox.fontcache", Files.createDirectories(cache.resolve("pdfbox")).toString());
            } catch (IOException e) {
                // a read-only stick: PDFBox keeps its default; nothing else needs this folder
            }
        });
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
