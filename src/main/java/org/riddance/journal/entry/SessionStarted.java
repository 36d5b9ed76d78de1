package org.riddance.journal.entry;

/** {@code session.started}: A session began: who, for whom, on which machine, with which Riddance. */
public record SessionStarted(String sessionId, String hostname, String os, String appVersion, String technicianName, String technicianId, String site, String ticket, String notes, boolean demo, String root) implements JournalEntry {

    public static final String TYPE = "session.started";

    public SessionStarted {
        sessionId = sessionId == null ? "" : sessionId;
        hostname = hostname == null ? "" : hostname;
        os = os == null ? "" : os;
        appVersion = appVersion == null ? "" : appVersion;
        technicianName = technicianName == null ? "" : technicianName;
        technicianId = technicianId == null ? "" : technicianId;
        site = site == null ? "" : site;
        ticket = ticket == null ? "" : ticket;
        notes = notes == null ? "" : notes;
        root = root == null ? "" : root;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
