package org.riddance.cli;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.riddance.session.SessionInfo;
import picocli.CommandLine.Option;

/**
 * The Welcome facts on the command line: who does the work, for whom, under which ticket. The same rules as the
 * wizard's Welcome step ({@link SessionInfo}); given on any command, they are recorded in the session it joins.
 */
final class SessionFacts {

    @Option(names = "--technician", paramLabel = "NAME", description = "Who does the work (printed on the receipt).")
    String technician;

    @Option(names = "--technician-id", paramLabel = "ID", description = "The technician's staff number or id.")
    String technicianId;

    @Option(names = "--site", paramLabel = "NAME", description = "The customer or office the PC belongs to.")
    String site;

    @Option(names = "--ticket", paramLabel = "ID", description = "The job or ticket number.")
    String ticket;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Notes for the receipt.")
    String notes;

    boolean given() {
        return technician != null || technicianId != null || site != null || ticket != null || notes != null;
    }

    /**
     * The facts given, completed from {@code current} for those not given; empty when none was given.
     *
     * @throws IllegalArgumentException naming each fact that breaks the Welcome step's rules
     */
    Optional<SessionInfo> over(SessionInfo current) {
        if (!given()) {
            return Optional.empty();
        }
        return Optional.of(validated(new SessionInfo(or(technician, current.technicianName()),
                or(technicianId, current.technicianId()), or(site, current.site()), or(ticket, current.ticket()),
                or(notes, current.notes()))));
    }

    /** All the facts a new session needs, checked: {@code --technician} and {@code --site} at least. */
    SessionInfo complete() {
        return validated(new SessionInfo(technician, technicianId, site, ticket, notes));
    }

    private static SessionInfo validated(SessionInfo info) {
        Map<SessionInfo.Field, String> problems = info.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.entrySet().stream()
                    .map(p -> option(p.getKey()) + ": " + Words.validation(p.getValue()))
                    .collect(Collectors.joining("; ")));
        }
        return info;
    }

    static SessionInfo none() {
        return new SessionInfo("", "", "", "", "");
    }

    private static String or(String given, String current) {
        return given != null ? given : current;
    }

    private static String option(SessionInfo.Field field) {
        return switch (field) {
            case TECHNICIAN_NAME -> "--technician";
            case TECHNICIAN_ID -> "--technician-id";
            case SITE -> "--site";
            case TICKET -> "--ticket";
            case NOTES -> "--notes";
        };
    }
}
