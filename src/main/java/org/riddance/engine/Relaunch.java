package org.riddance.engine;

import java.util.List;
import org.riddance.platform.RunningApplication;
import org.riddance.removal.RestartRegistration;

/**
 * How Riddance comes back after a restart that removal asked for: with which arguments, and whether a technician
 * logs on for it (the wizard) or nobody does (the unattended run, started at boot).
 *
 * @param arguments Riddance's own arguments; the program that runs them is this same installation
 */
public record Relaunch(List<String> arguments, RestartRegistration.Mode mode) {

    public Relaunch {
        arguments = List.copyOf(arguments);
    }

    /** The whole command line, program first. */
    public List<String> argv() {
        return RunningApplication.relaunchArgv(arguments);
    }

    /** For work that cannot need a restart (planning): nothing is ever registered with it. */
    static Relaunch none() {
        return new Relaunch(List.of(), RestartRegistration.Mode.DESKTOP);
    }
}
