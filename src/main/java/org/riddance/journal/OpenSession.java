package org.riddance.journal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;

/**
 * A session that was never closed: Riddance was quit, crashed, or the PC restarted. What the relaunch
 * offers to continue.
 *
 * @param resumeStep the step the technician was on when the journal stopped
 */
public record OpenSession(String id, Path directory, Instant started, SessionInfo info, Step resumeStep,
                          Set<Step> completedSteps, JournalCheck check, String root) {

    /** A journal whose chain is broken is kept as evidence but not written to again. */
    public boolean canContinue() {
        return check.chainIntact();
    }
}
