package org.riddance.protection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.ProcessResult;
import org.riddance.work.Cancellation;

/**
 * Microsoft Defender for Endpoint on Linux and macOS: {@code mdatp health --output json}. Recent versions wrap
 * some values as {@code {"value": ...}}; both shapes are read.
 */
final class MdatpProbe implements ProductProbe {

    static final String ID = "mdatp";
    static final String LINUX_PATH = "/usr/bin/mdatp";
    static final String MAC_PATH = "/usr/local/bin/mdatp";

    private final Duration timeout;

    MdatpProbe(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "Microsoft Defender for Endpoint (mdatp)";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() != OsFamily.WINDOWS && Files.exists(program(host));
    }

    private static Path program(Host host) {
        return host.files().resolve(host.os().family() == OsFamily.MACOS ? MAC_PATH : LINUX_PATH);
    }

    @Override
    public List<AntivirusProduct> probe(Host host, Instant now, Cancellation cancellation) throws IOException {
        ProcessResult result = host.processes().run(Command.of(program(host).toString(), "health", "--output", "json")
                .timeout(timeout).build(), cancellation);
        if (!result.succeeded()) {
            return List.of(unreadable(host, "mdatp health failed (exit " + result.exitCode() + "): "
                    + firstLine(result.stderr().isBlank() ? result.stdout() : result.stderr())));
        }
        try {
            return List.of(parse(result.stdout(), now, watchedFolder(host)));
        } catch (IOException e) {
            return List.of(unreadable(host, "mdatp health printed no readable JSON: " + e.getMessage()));
        }
    }

    static AntivirusProduct parse(String json, Instant now, Path watched) throws IOException {
        JsonNode n = new ObjectMapper().readTree(json);
        if (n == null || !n.isObject()) {
            throw new IOException("not a JSON object");
        }
        List<String> notes = new ArrayList<>();
        boolean healthy = value(n, "healthy").asBoolean(false);
        if (!healthy) {
            notes.add("mdatp reports unhealthy: " + value(n, "health_issues").toString());
        }
        if (value(n, "passive_mode_enabled").asBoolean(false)) {
            notes.add("passive mode: Defender is not the active antivirus");
        }
        if (!value(n, "licensed").asBoolean(true)) {
            notes.add("not onboarded to a Defender tenant (licensed: false)");
        }
        Switch realTime = value(n, "real_time_protection_enabled").isMissingNode() ? Switch.UNKNOWN
                : Switch.of(value(n, "real_time_protection_enabled").asBoolean(false));
        Optional<Instant> updated = definitionsUpdated(n, now);
        String status = value(n, "definitions_status").asText("");
        Optional<Boolean> current = status.isEmpty() ? Optional.empty() : Optional.of(status.equals("up_to_date"));
        boolean enabled = healthy && !value(n, "passive_mode_enabled").asBoolean(false);
        return new AntivirusProduct(ID, "Microsoft Defender for Endpoint", "Microsoft",
                value(n, "app_version").asText(""), "mdatp health", Switch.of(enabled), realTime, updated, current,
                value(n, "definitions_version").asText(""), false, EicarRoute.watching(watched), notes);
    }

    private static Optional<Instant> definitionsUpdated(JsonNode n, Instant now) {
        JsonNode minutes = value(n, "definitions_updated_minutes_ago");
        if (minutes.canConvertToLong()) {
            return Optional.of(now.minus(Duration.ofMinutes(minutes.asLong())));
        }
        JsonNode updated = value(n, "definitions_updated");
        if (updated.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(updated.asLong()));
        }
        try {
            return updated.isTextual() ? Optional.of(OffsetDateTime.parse(updated.asText()).toInstant()) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A field as a plain value, whether mdatp wrote it bare or as {@code {"value": ...}}. */
    private static JsonNode value(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isObject() && v.has("value") ? v.get("value") : v;
    }

    private AntivirusProduct unreadable(Host host, String why) {
        return new AntivirusProduct(ID, "Microsoft Defender for Endpoint", "Microsoft", "", "mdatp health",
                Switch.UNKNOWN, Switch.UNKNOWN, Optional.empty(), Optional.empty(), "", false,
                EicarRoute.watching(watchedFolder(host)), List.of(why));
    }

    /** Defender's real-time protection watches the whole file system; the temporary folder is as good as any. */
    static Path watchedFolder(Host host) {
        return host.files().isLive() ? Path.of(System.getProperty("java.io.tmpdir")) : host.files().resolve("/tmp");
    }

    private static String firstLine(String text) {
        String s = text.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
