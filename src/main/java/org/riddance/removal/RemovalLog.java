package org.riddance.removal;

import java.io.IOException;
import java.util.List;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.entry.JournalEntry;

/**
 * Where removal says how things stand: the session journal. Every entry is on disk before the next command runs,
 * so after a crash or a restart the journal tells which uninstallers already ran.
 */
public interface RemovalLog {

    void record(JournalEntry entry) throws IOException;

    /** Everything the journal holds so far, this session's earlier runs included. */
    List<JournalRecord> records() throws IOException;

    static RemovalLog of(SessionJournal session) {
        return new RemovalLog() {
            @Override
            public void record(JournalEntry entry) throws IOException {
                session.record(entry);
            }

            @Override
            public List<JournalRecord> records() throws IOException {
                return session.contents().records();
            }
        };
    }
}
