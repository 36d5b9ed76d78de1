package org.riddance.journal.entry;

/** {@code session.details}: The Welcome facts changed after the session began; the last one counts. */
public record SessionDetails(String technicianName, String technicianId, String site, String ticket, String notes) implements JournalEntry {

    public static final String TYPE = "session.details";

    public SessionDetails {
        technicianName = technicianName == null ? "" : technicianName;
        technicianId = technicianId == null ? "" : technicianId;
        site = site == null ? "" : site;
        ticket = ticket == null ? "" : ticket;
        notes = notes == null ? "" : notes;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
