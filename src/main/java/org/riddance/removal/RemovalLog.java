package org.riddance.removal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.riddance.journal.JournalContents;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.SessionJournal;

/**
 * Where removal says how things stand: the session journal. Every record is on disk before the next command runs,
 * so after a crash or a restart the journal tells which uninstallers already ran.
 */
public interface RemovalLog {

    String PLANNED = "removal.planned";
    String STARTED = "removal.started";
    String COMMAND = "removal.command";
    String UNINSTALLED = "removal.uninstalled";
    String OUTCOME = org.riddance.receipt.ReceiptBuilder.REMOVAL_OUTCOME;
    String REBOOT_PENDING = "removal.reboot-pending";
    String RESUMED = "removal.resumed";
    String RESCAN = "removal.rescan";
    String COMPLETED = "removal.completed";
    String FILTERS_BACKED_UP = "removal.filters-backed-up";
    String KAVREMOVER = "removal.kavremover";

    void record(String type, Map<String, Object> data) throws IOException;

    /** Everything the journal holds so far, this session's earlier runs included. */
    List<JournalRecord> records() throws IOException;

    static RemovalLog of(SessionJournal session) {
        return new RemovalLog() {
            @Override
            public void record(String type, Map<String, Object> data) throws IOException {
                session.record(type, data);
            }

            @Override
            public List<JournalRecord> records() throws IOException {
                return JournalContents.read(session.journal().file()).records();
            }
        };
    }
}
