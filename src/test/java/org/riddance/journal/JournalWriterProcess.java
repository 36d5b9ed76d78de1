package org.riddance.journal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Appends records as fast as it can until it is killed; the crash test's victim. */
public final class JournalWriterProcess {

    public static void main(String[] args) throws Exception {
        try (Journal journal = Journal.create(Path.of(args[0]), Clock.systemUTC())) {
            for (long i = 0; ; i++) {
                journal.append("uninstaller.output", Map.of("line", i, "text", "x".repeat(100)));
            }
        }
    }
}
