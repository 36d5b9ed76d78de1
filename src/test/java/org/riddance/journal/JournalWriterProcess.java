package org.riddance.journal;

import java.nio.file.Path;
import java.time.Clock;
import org.riddance.journal.entry.RemovalCommand;

/** Appends records as fast as it can until it is killed; the crash test's victim. */
public final class JournalWriterProcess {

    public static void main(String[] args) throws Exception {
        try (Journal journal = Journal.create(Path.of(args[0]), Clock.systemUTC())) {
            for (long i = 0; ; i++) {
                journal.append(new RemovalCommand("item-" + i, "stand-in", 0, "exited", 0.1, "x".repeat(100)));
            }
        }
    }
}
