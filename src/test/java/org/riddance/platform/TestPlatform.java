package org.riddance.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test doubles of the platform: fixed privileges, a Security Center with fixed answers, and Defender's status read
 * from a {@code Get-MpComputerStatus | ConvertTo-Json} fixture. They live with the tests: production never needs them.
 */
public final class TestPlatform {

    private static final Pattern MS_JSON_DATE = Pattern.compile("/Date\\((-?\\d+)\\)/");

    private TestPlatform() {
    }

    public static Privileges privileges(boolean elevated) {
        return new Privileges() {
            @Override
            public boolean elevated() {
                return elevated;
            }

            @Override
            public boolean canRelaunchElevated() {
                return false;
            }

            @Override
            public void relaunchElevated(List<String> appArguments) throws IOException {
                throw new IOException("Relaunching elevated is not possible here");
            }
        };
    }

    public static SecurityCenter securityCenter(List<AntivirusRegistration> registrations) {
        return securityCenter(registrations, Optional.empty());
    }

    /** Security Center entries and Defender's status from a fixture. */
    public static SecurityCenter securityCenter(List<AntivirusRegistration> registrations,
                                                Optional<DefenderStatus> defender) {
        List<AntivirusRegistration> copy = List.copyOf(registrations);
        return new SecurityCenter() {
            @Override
            public List<AntivirusRegistration> antivirusProducts() {
                return copy;
            }

            @Override
            public Optional<DefenderStatus> defender() {
                return defender;
            }
        };
    }

    /**
     * Parses {@code Get-MpComputerStatus | ConvertTo-Json}: Windows PowerShell writes dates as
     * {@code "/Date(ms)/"}, PowerShell 7 as ISO text; both are read.
     */
    public static DefenderStatus defender(String json) throws IOException {
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
