package org.riddance.platform;

import java.io.IOException;
import java.util.List;

/** Whether we run as administrator/root, and how to start again elevated where the OS offers a way. */
public interface Privileges {

    boolean elevated();

    /** True when {@link #relaunchElevated} can work here (Windows UAC, Linux pkexec with a display). */
    boolean canRelaunchElevated();

    /** Starts a new elevated copy of Riddance with {@code appArguments}; the caller then exits. */
    void relaunchElevated(List<String> appArguments) throws IOException;
}
