package org.riddance.protection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.work.Cancellation;

/**
 * ClamAV: clamd.conf under the system root says where clamd listens; clamd itself answers PING and VERSION
 * (engine, database version and date). On-access scanning is clamonacc, a separate process fed by the
 * OnAccess settings of the same file.
 */
final class ClamavProbe implements ProductProbe {

    static final String ID = "clamav";
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);
    private static final List<String> DATABASE_SUFFIXES = List.of(".cvd", ".cld", ".cud", ".hdb", ".hsb", ".ndb",
            ".ldb", ".mdb", ".msb", ".ign2", ".fp", ".sfp");

    private final Duration timeout;

    ClamavProbe(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "ClamAV (clamd)";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() != OsFamily.WINDOWS && configFile(host).isPresent();
    }

    static Optional<Path> configFile(Host host) {
        return ClamdConfig.LOCATIONS.stream().map(host.files()::resolve).filter(Files::isRegularFile).findFirst();
    }

    @Override
    public List<AntivirusProduct> probe(Host host, Instant now, Cancellation cancellation) throws IOException {
        Optional<Path> file = configFile(host);
        if (file.isEmpty()) {
            return List.of();
        }
        ClamdConfig config = ClamdConfig.read(file.get());
        List<String> notes = new ArrayList<>();
        Optional<ClamdEndpoint> endpoint = endpoint(host, config);
        Switch enabled = Switch.OFF;
        String version = "";
        String dbVersion = "";
        Optional<Instant> dbDate = Optional.empty();
        if (endpoint.isEmpty()) {
            notes.add("clamd.conf sets neither LocalSocket nor TCPSocket: clamd cannot be reached");
        } else {
            ClamdClient clamd = new ClamdClient(endpoint.get(), timeout);
            try {
                if (clamd.ping(cancellation)) {
                    enabled = Switch.ON;
                    ClamdVersion v = ClamdVersion.parse(clamd.version(cancellation));
                    version = v.engine();
                    dbVersion = v.database();
                    dbDate = v.date();
                } else {
                    notes.add("clamd at " + endpoint.get() + " did not answer PONG");
                }
            } catch (IOException e) {
                notes.add("clamd does not answer at " + endpoint.get() + ": " + e.getMessage());
            }
        }
        if (dbDate.isEmpty()) {
            dbDate = newestDatabase(host.files().resolve(config.databaseDirectory()));
            dbDate.ifPresent(d -> notes.add("definitions date taken from the newest file in " + config.databaseDirectory()));
        }
        boolean clamonacc = host.running().list().stream().anyMatch(p -> p.name().equals("clamonacc"));
        Switch realTime = Switch.of(clamonacc);
        if (!clamonacc && config.onAccessConfigured()) {
            notes.add("on-access paths are set in clamd.conf but clamonacc is not running");
        } else if (!clamonacc) {
            notes.add("no on-access scanning: clamd.conf has no OnAccessIncludePath and clamonacc is not running");
        }
        Optional<Path> watched = clamonacc && config.onAccessPrevention() && !config.onAccessIncludePaths().isEmpty()
                ? Optional.of(host.files().resolve(config.onAccessIncludePaths().get(0))) : Optional.empty();
        EicarRoute route = new EicarRoute(watched, enabled == Switch.ON ? endpoint : Optional.empty());
        return List.of(new AntivirusProduct(ID, "ClamAV", "Cisco Talos", version, "clamd " + endpoint.map(Object::toString)
                .orElse("(no socket)"), enabled, realTime, dbDate, Optional.empty(), dbVersion, false, route, notes));
    }

    private static Optional<ClamdEndpoint> endpoint(Host host, ClamdConfig config) {
        if (config.localSocket().isPresent()) {
            return Optional.of(ClamdEndpoint.local(host.files().resolve(config.localSocket().get())));
        }
        return config.tcpPort().map(port -> ClamdEndpoint.tcp(config.tcpAddr(), port));
    }

    private static Optional<Instant> newestDatabase(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> DATABASE_SUFFIXES.stream().anyMatch(s -> f.getFileName().toString().endsWith(s)))
                    .map(f -> {
                        try {
                            return Files.getLastModifiedTime(f).toInstant();
                        } catch (IOException e) {
                            return Instant.EPOCH;
                        }
                    }).max(Instant::compareTo);
        }
    }

    /** {@code ClamAV 1.4.6/27467/Sun Nov 22 09:31:00 2026}: clamd writes the date with ctime, in its local time. */
    record ClamdVersion(String engine, String database, Optional<Instant> date) {

        static ClamdVersion parse(String reply) {
            String[] parts = reply.split("/", 3);
            String engine = parts[0].replaceFirst("^ClamAV\\s+", "").strip();
            String database = parts.length > 1 ? parts[1].strip() : "";
            Optional<Instant> date = Optional.empty();
            if (parts.length > 2) {
                try {
                    date = Optional.of(LocalDateTime.parse(parts[2].strip().replaceAll("\\s+", " "), CTIME)
                            .atZone(ZoneId.systemDefault()).toInstant());
                } catch (DateTimeParseException e) {
                    // an unexpected date leaves the age unknown rather than wrong
                }
            }
            return new ClamdVersion(engine, database, date);
        }
    }
}
