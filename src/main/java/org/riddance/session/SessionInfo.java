package org.riddance.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is doing the work, for whom, and under which ticket. Recorded at the start of every session and
 * printed on the receipt, so the rules here are the same for the wizard and the command line.
 */
public record SessionInfo(String technicianName, String technicianId, String site, String ticket, String notes) {

    public static final int NAME_MAX = 80;
    public static final int NOTES_MAX = 2000;
    private static final Pattern TECHNICIAN_ID = Pattern.compile("[\\p{L}\\p{N}._-]{1,32}");
    /** Help desks write "INC 4711" as often as "INC-4711"; inner spaces are kept as one (see clean). */
    private static final Pattern TICKET = Pattern.compile("[\\p{L}\\p{N}#._/: -]{1,40}");

    public SessionInfo {
        technicianName = clean(technicianName);
        technicianId = clean(technicianId);
        site = clean(site);
        ticket = clean(ticket);
        notes = notes == null ? "" : notes.strip();
    }

    /** Problems by field name; each value is a message key. Empty when the info can start a session. */
    public Map<Field, String> problems() {
        Map<Field, String> problems = new LinkedHashMap<>();
        problemWithTechnicianName(technicianName).ifPresent(p -> problems.put(Field.TECHNICIAN_NAME, p));
        problemWithTechnicianId(technicianId).ifPresent(p -> problems.put(Field.TECHNICIAN_ID, p));
        problemWithSite(site).ifPresent(p -> problems.put(Field.SITE, p));
        problemWithTicket(ticket).ifPresent(p -> problems.put(Field.TICKET, p));
        problemWithNotes(notes).ifPresent(p -> problems.put(Field.NOTES, p));
        return problems;
    }

    public boolean isComplete() {
        return problems().isEmpty();
    }

    public static Optional<String> problemWithTechnicianName(String value) {
        String v = clean(value);
        if (v.isEmpty()) {
            return Optional.of("validation.technicianName.required");
        }
        if (v.length() < 2 || v.length() > NAME_MAX) {
            return Optional.of("validation.technicianName.length");
        }
        return Optional.empty();
    }

    public static Optional<String> problemWithTechnicianId(String value) {
        String v = clean(value);
        return v.isEmpty() || TECHNICIAN_ID.matcher(v).matches()
                ? Optional.empty()
                : Optional.of("validation.technicianId.format");
    }

    public static Optional<String> problemWithSite(String value) {
        String v = clean(value);
        if (v.isEmpty()) {
            return Optional.of("validation.site.required");
        }
        return v.length() > NAME_MAX ? Optional.of("validation.site.length") : Optional.empty();
    }

    public static Optional<String> problemWithTicket(String value) {
        String v = clean(value);
        return v.isEmpty() || TICKET.matcher(v).matches()
                ? Optional.empty()
                : Optional.of("validation.ticket.format");
    }

    public static Optional<String> problemWithNotes(String value) {
        return value != null && value.strip().length() > NOTES_MAX
                ? Optional.of("validation.notes.length")
                : Optional.empty();
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }

    public enum Field { TECHNICIAN_NAME, TECHNICIAN_ID, SITE, TICKET, NOTES }
}
