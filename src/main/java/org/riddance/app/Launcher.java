package org.riddance.app;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.riddance.cli.RiddanceCommand;

/**
 * The jar's main class. It must not extend {@code Application}: {@code java -jar} on such a class fails
 * with "JavaFX runtime components are missing" when JavaFX is on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) { // the wizard; no argument parsing, and the context is built beside the toolkit
            System.exit(RiddanceApp.open(CompletableFuture.supplyAsync(
                    () -> AppContext.create(Optional.empty(), Optional.empty()))));
        }
        int exit = RiddanceCommand.commandLine(RiddanceApp::open).execute(args);
        System.exit(exit);
    }
}
