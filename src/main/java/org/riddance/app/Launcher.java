package org.riddance.app;

import java.util.Optional;
import org.riddance.cli.RiddanceCommand;

/**
 * The jar's main class. It must not extend {@code Application}: {@code java -jar} on such a class fails
 * with "JavaFX runtime components are missing" when JavaFX is on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) { // the wizard; skip parsing to keep start-up short
            System.exit(RiddanceApp.open(AppContext.create(Optional.empty(), Optional.empty())));
        }
        int exit = RiddanceCommand.commandLine(RiddanceApp::open).execute(args);
        System.exit(exit);
    }
}
