package org.riddance.removal;

import org.riddance.journal.entry.RebootPending;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.riddance.cli.RiddanceCommand;

/**
 * A Riddance process for the restart test: runs the command line like the launcher does, and when the journal says a
 * restart is pending it stays up, as the wizard does while it waits for the technician to restart, so the test can
 * kill it the way a restart would.
 */
public final class RemovalChild {

    private RemovalChild() {
    }

    public static void main(String[] args) throws Exception {
        int exit = RiddanceCommand.commandLine(context -> 0).execute(args);
        Path data = Path.of(args[1]);
        try (Stream<Path> sessions = Files.list(data.resolve("sessions"))) {
            boolean pending = sessions.map(s -> s.resolve("journal.jsonl")).filter(Files::exists).anyMatch(j -> {
                try {
                    return Files.readString(j).contains("\"" + RebootPending.TYPE + "\"");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            if (pending) {
                System.out.println("waiting for the restart");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
        }
        System.exit(exit);
    }
}
