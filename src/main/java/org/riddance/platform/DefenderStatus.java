package org.riddance.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft Defender Antivirus as {@code MSFT_MpComputerStatus} ({@code root\Microsoft\Windows\Defender}) reports
 * it; the same fields {@code Get-MpComputerStatus} prints.
 *
 * @param signatureAgeDays  {@code AntivirusSignatureAge}; -1 when not reported
 * @param signatureUpdated  {@code AntivirusSignatureLastUpdated}, when reported
 * @param runningMode       {@code AMRunningMode}: "Normal", "Passive Mode", "EDR Block Mode", "SxS Passive Mode"...
 */
public record DefenderStatus(boolean serviceEnabled, boolean antivirusEnabled, boolean realTimeProtectionEnabled,
                             int signatureAgeDays, Optional<Instant> signatureUpdated, String signatureVersion,
                             String engineVersion, String productVersion, String runningMode, boolean tamperProtected) {

    private static final Pattern MS_JSON_DATE = Pattern.compile("/Date\\((-?\\d+)\\)/");

    /** Defender is the active antivirus, not standing by in passive mode beside another product. */
    public boolean activeMode() {
        return runningMode.isBlank() || runningMode.equalsIgnoreCase("Normal");
    }

    /**
     * Parses {@code Get-MpComputerStatus | ConvertTo-Json}: Windows PowerShell writes dates as
     * {@code "/Date(ms)/"}, PowerShell 7 as ISO text; both are read.
     */
    public static DefenderStatus fromJson(String json) throws IOException {
        JsonNode n = new ObjectMapper().readTree(json);
        if (n == null || !n.isObject()) {
            throw new IOException("Not a Get-MpComputerStatus JSON object");
        }
        return new DefenderStatus(bool(n, "AMServiceEnabled"), bool(n, "AntivirusEnabled"),
                bool(n, "RealTimeProtectionEnabled"), n.path("AntivirusSignatureAge").asInt(-1),
                date(n.path("AntivirusSignatureLastUpdated")), n.path("AntivirusSignatureVersion").asText(""),
                n.path("AMEngineVersion").asText(""), n.path("AMProductVersion").asText(""),
                n.path("AMRunningMode").asText(""), bool(n, "IsTamperProtected"));
    }

    private static boolean bool(JsonNode n, String field) {
        return n.path(field).asBoolean(false);
    }

    static Optional<Instant> date(JsonNode value) {
        if (value.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(value.asLong()));
        }
        if (value.isObject() && value.has("value")) { // ConvertTo-Json of a DateTime with -Depth: {value, DisplayHint, DateTime}
            return date(value.get("value"));
        }
        String text = value.asText("");
        Matcher m = MS_JSON_DATE.matcher(text);
        if (m.find()) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(m.group(1))));
        }
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
