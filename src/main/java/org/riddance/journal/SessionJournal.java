package org.riddance.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;

/** The journal of the session in progress, with the records the wizard and the command line write. */
public final class SessionJournal implements Closeable {

    public static final String STARTED = "session.started";
    public static final String DETAILS = "session.details";
    public static final String RESUMED = "session.resumed";
    public static final String STEP_ENTERED = "step.entered";
    public static final String STEP_COMPLETED = "step.completed";
    public static final String CLOSED = "session.closed";

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

    public void recordDetails(SessionInfo info) throws IOException {
        journal.append(DETAILS, details(info));
    }

    public void enterStep(Step step) throws IOException {
        journal.append(STEP_ENTERED, Map.of("step", step.id()));
    }

    public void completeStep(Step step) throws IOException {
        journal.append(STEP_COMPLETED, Map.of("step", step.id()));
    }

    public void record(String type, Map<String, Object> data) throws IOException {
        journal.append(type, data);
    }

    /** Ends the session: it is no longer offered for resume. */
    public void closeSession(String outcome) throws IOException {
        journal.append(CLOSED, Map.of("outcome", outcome));
        close();
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }

    static Map<String, Object> details(SessionInfo info) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("technicianName", info.technicianName());
        data.put("technicianId", info.technicianId());
        data.put("site", info.site());
        data.put("ticket", info.ticket());
        data.put("notes", info.notes());
        return data;
    }

    static SessionInfo info(JournalRecord record) {
        return new SessionInfo(record.text("technicianName"), record.text("technicianId"), record.text("site"),
                record.text("ticket"), record.text("notes"));
    }
}
