package org.riddance.protection;

import org.riddance.journal.entry.AntivirusChecked;

/** The {@code antivirus.checked} entry, exactly as the receipt reads it. */
public final class AntivirusJournal {

    private AntivirusJournal() {
    }

    /** {@code name}, {@code state}, {@code defsAgeDays} (-1 unknown), {@code eicar}, {@code pass}. */
    public static AntivirusChecked record(AntivirusReport report) {
        return report.primary().map(v -> new AntivirusChecked(
                        v.product().name() + (v.product().version().isBlank() ? "" : " " + v.product().version()),
                        state(v), v.product().definitionsAgeDays(report.checkedAt()), v.eicar().result().id(), report.pass()))
                .orElseGet(() -> new AntivirusChecked("none", report.incomplete() ? "not-read" : "not-found", -1L,
                        EicarOutcome.Result.NOT_RUN.id(), report.pass()));
    }

    static String state(ProductVerdict v) {
        if (v.banned()) {
            return "banned";
        }
        AntivirusProduct p = v.product();
        String enabled = switch (p.enabled()) {
            case ON -> "enabled";
            case OFF -> "disabled";
            default -> "unknown";
        };
        return p.realTime() == Switch.OFF ? enabled + ", real-time off" : enabled;
    }
}
