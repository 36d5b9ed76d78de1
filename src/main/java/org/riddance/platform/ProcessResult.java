package org.riddance.platform;

import java.time.Duration;

/**
 * How a program ended. Output is cut at the command's cap ({@code outputTruncated}); a program that hit its
 * time limit or was cancelled has been killed with its whole process tree.
 */
public record ProcessResult(int exitCode, String stdout, String stderr, boolean outputTruncated,
                            Ending ending, Duration duration) {

    public enum Ending { EXITED, TIMED_OUT, CANCELLED }

    public boolean exited() {
        return ending == Ending.EXITED;
    }

    public boolean succeeded() {
        return exited() && exitCode == 0;
    }
}
