package org.riddance.ui.verify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.riddance.receipt.ReceiptSummary;
import org.riddance.ui.Messages;

/**
 * The one line under a verdict that says what the verified receipt records. Every field reads as words: a field the
 * payload lacks says so, and the paper code's signed summary, which carries no technician, says where to look.
 */
final class SummaryLine {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SummaryLine() {
    }

    @SuppressWarnings("unchecked")
    static String of(Map<String, Object> payload) {
        Object machine = payload.get("machine") instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("host") : null;
        Object tech = payload.get("tech") instanceof Map<?, ?> t ? ((Map<String, Object>) t).get("name") : null;
        String technician = ReceiptSummary.isSummary(payload) ? Messages.get("verify.summary.techOnPaper") : text(tech);
        return Messages.get("verify.summary", text(payload.get("id")), text(machine), technician,
                result(payload.get("result")), when(payload.get("end")));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? Messages.get("verify.summary.notRecorded") : value.toString();
    }

    private static String result(Object value) {
        String key = "verify.summary.result." + String.valueOf(value).toLowerCase(Locale.ROOT);
        return Messages.has(key) ? Messages.get(key) : text(value);
    }

    private static String when(Object value) {
        if (value == null) {
            return Messages.get("verify.summary.notRecorded");
        }
        try {
            return WHEN.format(Instant.parse(value.toString()));
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }
}
