package org.riddance.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.riddance.journal.entry.JournalEntries;
import org.riddance.work.JsonValues;
import org.riddance.work.Sha256Hex;

/** The journal's line format: one compact JSON object a line, UTF-8, fields in a fixed order. */
final class JournalFormat {

    static final String GENESIS = "0".repeat(64);

    private JournalFormat() {
    }

    static String line(long seq, Instant time, String type, Map<String, Object> data, String prev) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", seq);
        fields.put("time", time.toString());
        fields.put("type", type);
        fields.put("prev", prev);
        fields.put("data", data);
        try {
            return JsonValues.text(fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Journal data must be plain JSON values: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the line is not a journal record */
    static JournalRecord parse(String line) {
        Map<String, Object> fields;
        try {
            fields = JsonValues.object(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON record");
        }
        Object seq = fields.get("seq");
        Object time = fields.get("time");
        Object type = fields.get("type");
        Object prev = fields.get("prev");
        Object data = fields.get("data");
        if (!(seq instanceof Number) || !(time instanceof String) || !(type instanceof String)
                || !(prev instanceof String) || !(data instanceof Map)) {
            throw new IllegalArgumentException("a journal field is missing or of the wrong type");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> dataMap = (Map<String, Object>) data;
        Instant instant;
        try {
            instant = Instant.parse((String) time);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad time " + time);
        }
        return new JournalRecord(((Number) seq).longValue(), instant, JournalEntries.read((String) type, dataMap),
                (String) prev, sha256(line));
    }

    static String sha256(String text) {
        return Sha256Hex.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
