package org.riddance.removal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.entry.RebootPending;
import org.riddance.journal.entry.RemovalCompleted;
import org.riddance.journal.entry.RemovalOutcome;
import org.riddance.journal.entry.RemovalResumed;
import org.riddance.journal.entry.RemovalStarted;
import org.riddance.journal.entry.RemovalUninstalled;

/**
 * Where removal stands, read back from the journal: what already ran, what ended how, whether a restart is due.
 *
 * @param blockages the items the vendor's own protection stopped, and which protection (their latest outcome)
 * @param details   each item's latest outcome detail: what happened and what to do next
 */
public record RemovalState(Set<String> started, Set<String> cleanups, Set<String> uninstalled, Set<String> needReboot,
                           Map<String, Outcome> outcomes, Optional<String> rebootPendingBootId, boolean completed,
                           Map<String, Blockage> blockages, Map<String, String> details) {

    public static RemovalState of(List<JournalRecord> records) {
        Set<String> started = new LinkedHashSet<>();
        Set<String> uninstalled = new LinkedHashSet<>();
        Set<String> needReboot = new LinkedHashSet<>();
        Set<String> cleanups = new LinkedHashSet<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Blockage> blockages = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        Optional<String> pending = Optional.empty();
        boolean completed = false;
        for (JournalRecord r : records) {
            if (r.entry() instanceof RemovalStarted s) {
                started.add(s.id());
                if ("cleanup".equals(s.method())) {
                    cleanups.add(s.id());
                }
            } else if (r.entry() instanceof RemovalUninstalled u) {
                uninstalled.add(u.id());
                if (u.reboot()) {
                    needReboot.add(u.id());
                }
            } else if (r.entry() instanceof RemovalOutcome o) {
                outcomes.put(o.id(), Outcome.fromId(o.outcome()));
                details.put(o.id(), o.detail());
                Optional<Blockage> why = Blockage.fromId(o.blockage());
                if (why.isPresent()) {
                    blockages.put(o.id(), why.get());
                } else if (Outcome.fromId(o.outcome()) != Outcome.FAILED) {
                    blockages.remove(o.id()); // removed in the end (kavremover, a later run): no longer blocked
                }
            } else if (r.entry() instanceof RebootPending p) {
                pending = Optional.of(p.bootId());
            } else if (r.entry() instanceof RemovalResumed) {
                pending = Optional.empty();
                needReboot.clear(); // the restart they waited for has happened
            } else if (r.entry() instanceof RemovalCompleted) {
                completed = true;
            }
        }
        return new RemovalState(started, cleanups, uninstalled, needReboot, outcomes, pending, completed, blockages, details);
    }

    /** Ran already in this session (to its end, or to an outcome): not run again. */
    public boolean done(String id) {
        return uninstalled.contains(id) || outcomes.containsKey(id);
    }

    public boolean rebootPending() {
        return rebootPendingBootId.isPresent();
    }
}
