package org.riddance.removal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.riddance.journal.JournalRecord;

/** Where removal stands, read back from the journal: what already ran, what ended how, whether a restart is due. */
public record RemovalState(Set<String> started, Set<String> cleanups, Set<String> uninstalled, Set<String> needReboot,
                           Map<String, Outcome> outcomes, Optional<String> rebootPendingBootId, boolean completed) {

    public static RemovalState of(List<JournalRecord> records) {
        Set<String> started = new LinkedHashSet<>();
        Set<String> uninstalled = new LinkedHashSet<>();
        Set<String> needReboot = new LinkedHashSet<>();
        Set<String> cleanups = new LinkedHashSet<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Optional<String> pending = Optional.empty();
        boolean completed = false;
        for (JournalRecord r : records) {
            switch (r.type()) {
                case RemovalLog.STARTED -> {
                    started.add(r.text("id"));
                    if ("cleanup".equals(r.text("method"))) {
                        cleanups.add(r.text("id"));
                    }
                }
                case RemovalLog.UNINSTALLED -> {
                    uninstalled.add(r.text("id"));
                    if (Boolean.TRUE.equals(r.data().get("reboot"))) {
                        needReboot.add(r.text("id"));
                    }
                }
                case RemovalLog.OUTCOME -> outcomes.put(r.text("id"), Outcome.fromId(r.text("outcome")));
                case RemovalLog.REBOOT_PENDING -> pending = Optional.of(r.text("bootId"));
                case RemovalLog.RESUMED -> {
                    pending = Optional.empty();
                    needReboot.clear(); // the restart they waited for has happened
                }
                case RemovalLog.COMPLETED -> completed = true;
                default -> { }
            }
        }
        return new RemovalState(started, cleanups, uninstalled, needReboot, outcomes, pending, completed);
    }

    /** Ran already in this session (to its end, or to an outcome): not run again. */
    public boolean done(String id) {
        return uninstalled.contains(id) || outcomes.containsKey(id);
    }

    public boolean rebootPending() {
        return rebootPendingBootId.isPresent();
    }
}
