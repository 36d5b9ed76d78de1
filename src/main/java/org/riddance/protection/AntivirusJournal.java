package org.riddance.protection;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code antivirus.checked} record, exactly as {@code ReceiptBuilder} reads it. */
public final class AntivirusJournal {

    public static final String TYPE = org.riddance.receipt.ReceiptBuilder.ANTIVIRUS_CHECKED;

    private AntivirusJournal() {
    }

    /** {@code name}, {@code state}, {@code defsAgeDays} (-1 unknown), {@code eicar}, {@code pass}. */
    public static Map<String, Object> record(AntivirusReport report) {
        Map<String, Object> data = new LinkedHashMap<>();
        report.primary().ifPresentOrElse(v -> {
            data.put("name", v.product().name() + (v.product().version().isBlank() ? "" : " " + v.product().version()));
            data.put("state", state(v));
            data.put("defsAgeDays", v.product().definitionsAgeDays(report.checkedAt()));
            data.put("eicar", v.eicar().result().id());
        }, () -> {
            data.put("name", "none");
            data.put("state", report.incomplete() ? "not-read" : "not-found");
            data.put("defsAgeDays", -1L);
            data.put("eicar", EicarOutcome.Result.NOT_RUN.id());
        });
        data.put("pass", report.pass());
        return data;
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
