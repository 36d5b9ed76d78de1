package org.riddance.cli;

/** Exit codes as clamscan uses them, so fleet tools can treat Riddance like any scanner. */
public final class ExitCode {

    /** Nothing banned found, or the command succeeded. */
    public static final int OK = 0;
    /** Banned products found, or a check failed. */
    public static final int FOUND_OR_FAILED = 1;
    /** The command could not do its work. */
    public static final int ERROR = 2;

    private ExitCode() {
    }
}
