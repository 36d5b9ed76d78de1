package org.riddance.platform;

import java.io.IOException;
import org.riddance.work.Cancellation;

/** Runs programs from argv lists. Implementations never go through a shell. */
public interface ProcessRunner {

    /**
     * Runs the command to its end, its time limit, or cancellation, whichever comes first.
     *
     * @throws IOException when the program cannot be started at all (missing, not executable)
     */
    ProcessResult run(Command command, Cancellation cancellation) throws IOException;

    default ProcessResult run(Command command) throws IOException {
        return run(command, Cancellation.none());
    }
}
