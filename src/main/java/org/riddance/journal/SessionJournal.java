package org.riddance.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.riddance.journal.entry.JournalEntry;
import org.riddance.journal.entry.SessionClosed;
import org.riddance.journal.entry.SessionDetails;
import org.riddance.journal.entry.SessionStarted;
import org.riddance.session.SessionInfo;

/** The journal of the session in progress, written through typed entries. */
public final class SessionJournal implements Closeable {

    private final String id;
    private final Path directory;
    private final Journal journal;

    SessionJournal(String id, Path directory, Journal journal) {
        this.id = id;
        this.directory = directory;
        this.journal = journal;
    }

    public String id() {
        return id;
    }

    /** The session's own folder: journal, logs of uninstallers, evidence. */
    public Path directory() {
        return directory;
    }

    public Journal journal() {
        return journal;
    }

    public JournalRecord record(JournalEntry entry) throws IOException {
        return journal.append(entry);
    }

    /** Everything written so far, read back and checked. */
    public JournalContents contents() throws IOException {
        return JournalContents.read(journal.file());
    }

    /** Ends the session: it is no longer offered for resume. */
    public void closeSession(String outcome) throws IOException {
        journal.append(new SessionClosed(outcome, ""));
        close();
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }

    public static SessionDetails details(SessionInfo info) {
        return new SessionDetails(info.technicianName(), info.technicianId(), info.site(), info.ticket(), info.notes());
    }

    public static SessionInfo info(SessionDetails d) {
        return new SessionInfo(d.technicianName(), d.technicianId(), d.site(), d.ticket(), d.notes());
    }

    public static SessionInfo info(SessionStarted s) {
        return new SessionInfo(s.technicianName(), s.technicianId(), s.site(), s.ticket(), s.notes());
    }

    /** The Welcome facts in force: the last details recorded, else those the session started with. */
    public static SessionInfo info(JournalContents contents) {
        return contents.last(SessionDetails.class).map(SessionJournal::info)
                .or(() -> contents.last(SessionStarted.class).map(SessionJournal::info))
                .orElse(new SessionInfo("", "", "", "", ""));
    }
}
