package org.riddance.protection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of {@code clamd.conf} the check needs: where clamd listens, where its databases are, and whether
 * on-access scanning is configured. The file is data: "Key value" lines, {@code #} comments.
 */
public record ClamdConfig(Optional<String> localSocket, Optional<Integer> tcpPort, String tcpAddr,
                          String databaseDirectory, List<String> onAccessIncludePaths, List<String> onAccessMountPaths,
                          boolean onAccessPrevention, boolean exampleLineLeft) {

    public static final List<String> LOCATIONS = List.of("/etc/clamav/clamd.conf", "/etc/clamd.d/scan.conf",
            "/etc/clamd.conf", "/usr/local/etc/clamd.conf");

    public static ClamdConfig read(Path file) throws IOException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("\\s+", 2);
            String value = kv.length > 1 ? unquote(kv[1].strip()) : "";
            values.computeIfAbsent(kv[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        Optional<Integer> port = first(values, "tcpsocket").flatMap(ClamdConfig::port);
        return new ClamdConfig(first(values, "localsocket"), port, first(values, "tcpaddr").orElse("127.0.0.1"),
                first(values, "databasedirectory").orElse("/var/lib/clamav"),
                values.getOrDefault("onaccessincludepath", List.of()),
                values.getOrDefault("onaccessmountpath", List.of()),
                first(values, "onaccessprevention").map(ClamdConfig::yes).orElse(false),
                values.containsKey("example"));
    }

    /** On-access scanning is set up when clamonacc has paths to watch. */
    public boolean onAccessConfigured() {
        return !onAccessIncludePaths.isEmpty() || !onAccessMountPaths.isEmpty();
    }

    private static Optional<String> first(Map<String, List<String>> values, String key) {
        return Optional.ofNullable(values.get(key)).map(l -> l.get(0)).filter(s -> !s.isBlank());
    }

    private static Optional<Integer> port(String text) {
        try {
            int p = Integer.parseInt(text);
            return p > 0 && p < 65536 ? Optional.of(p) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean yes(String text) {
        return List.of("yes", "true", "1").contains(text.toLowerCase(Locale.ROOT));
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
