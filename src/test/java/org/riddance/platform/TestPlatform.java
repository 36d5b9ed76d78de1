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
     * Microsoft Defender's status from {@code Get-MpComputerStatus | ConvertTo-Json} captured on a real PC, read the
     * way Riddance reads it on Windows: each property turned into what WMI hands JNA for {@code MSFT_MpComputerStatus}
     * (booleans, uint32 as a signed Integer, DATETIME as CIM text; learn.microsoft.com, "MSFT_MpComputerStatus class")
     * and passed through {@link WindowsSecurityCenter#defenderStatus}, so the fixture exercises the production mapping.
     * Windows PowerShell writes dates as {@code "/Date(ms)/"}, PowerShell 7 as ISO text; both are read.
     */
    public static DefenderStatus defender(String json) throws IOException {
        JsonNode n = new ObjectMapper().readTree(json);
        if (n == null || !n.isObject()) {
            throw new IOException("Not a Get-MpComputerStatus JSON object");
        }
        return WindowsSecurityCenter.defenderStatus(property -> asWmi(property, n.path(property.name())));
    }

    /** A JSON value as the WMI VARIANT of that property arrives through JNA; null where the JSON has none. */
    private static Object asWmi(WindowsSecurityCenter.MpProperty property, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return switch (property) {
            case AMServiceEnabled, AntivirusEnabled, RealTimeProtectionEnabled, IsTamperProtected -> value.asBoolean();
            case AntivirusSignatureAge -> (int) value.asLong(); // uint32 in a VT_I4: 4294967295 becomes -1
            case AntivirusSignatureLastUpdated -> date(value).map(TestPlatform::cimDateTime).orElse(null);
            default -> value.asText();
        };
    }

    /** CIM DATETIME in UTC: {@code yyyyMMddHHmmss.ffffff+000}. */
    static String cimDateTime(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSS'+000'")
                .withZone(java.time.ZoneOffset.UTC).format(instant);
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
