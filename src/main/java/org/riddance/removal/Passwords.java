package org.riddance.removal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Uninstall passwords the technician gave, held in memory only: never written to disk, logs or the journal.
 * Keys are the MSI property names: KLLOGIN (defaults to KLAdmin), KLPASSWD, KLUNINSTPASSWD.
 */
public final class Passwords {

    public static final String LOGIN = "KLLOGIN";
    public static final String PASSWORD = "KLPASSWD";
    public static final String AGENT_PASSWORD = "KLUNINSTPASSWD";
    /** Kaspersky's default account for password protection. */
    public static final String DEFAULT_LOGIN = "KLAdmin";
    private static final Set<String> KNOWN = Set.of(LOGIN, PASSWORD, AGENT_PASSWORD);

    private final Map<String, String> values;

    private Passwords(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Passwords none() {
        return new Passwords(Map.of());
    }

    public static Passwords of(Map<String, String> values) {
        Map<String, String> checked = new LinkedHashMap<>();
        values.forEach((k, v) -> checked.put(known(k), v));
        return new Passwords(checked);
    }

    /** A copy with more (or replaced) values: what the technician typed after a 1603. */
    public Passwords with(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        more.forEach((k, v) -> merged.put(known(k), v));
        return new Passwords(merged);
    }

    /**
     * Reads {@code NAME=VALUE} lines (KLLOGIN, KLPASSWD, KLUNINSTPASSWD; {@code #} comments). The value is the
     * password as typed; KLUNINSTPASSWD is encoded to UTF-16LE hex here. Errors name the line, never its value.
     */
    public static Passwords read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new IOException(file + " line " + lineNo + ": expected NAME=VALUE (KLLOGIN, KLPASSWD or KLUNINSTPASSWD)");
            }
            String name = trimmed.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                throw new IOException(file + " line " + lineNo + ": unknown name '" + name
                        + "' (expected KLLOGIN, KLPASSWD or KLUNINSTPASSWD)");
            }
            values.put(name, line.substring(line.indexOf('=') + 1));
        }
        return new Passwords(values);
    }

    public Optional<String> get(String property) {
        return Optional.ofNullable(values.get(property));
    }

    public boolean has(String property) {
        return values.containsKey(property);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Network Agent's KLUNINSTPASSWD: the password's UTF-16LE bytes in hex ("Ab1" is 410062003100). */
    public static String agentHex(String password) {
        return HexFormat.of().withUpperCase().formatHex(password.getBytes(StandardCharsets.UTF_16LE));
    }

    /** Every form a password takes on a command line, for scrubbing logs; package-private, never shown. */
    List<String> secrets() {
        List<String> all = new java.util.ArrayList<>();
        values.forEach((k, v) -> {
            if (!k.equals(LOGIN) && !v.isEmpty()) {
                all.add(v);
                if (k.equals(AGENT_PASSWORD)) {
                    all.add(agentHex(v));
                }
            }
        });
        return all;
    }

    private static String known(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!KNOWN.contains(upper)) {
            throw new IllegalArgumentException("Not an uninstall password property: " + name);
        }
        return upper;
    }

    @Override
    public String toString() {
        return "Passwords" + values.keySet(); // names only, never values
    }
}
