package org.riddance.rollup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PCs an office expects receipts for ({@code --expect}): a CSV file whose first line names the columns. One column
 * must be {@code hostname} (or {@code host}); any others (site, room, owner...) are ignored. Commas or semicolons
 * separate cells (a German spreadsheet saves with semicolons); cells may be quoted as RFC 4180 says. Hostnames
 * compare without regard to case, as Windows and DNS compare them; blank rows and repeats are dropped.
 */
public final class Inventory {

    /** An inventory of ten thousand PCs is well under a megabyte; anything far larger is a wrong file. */
    static final long MAX_BYTES = 8L << 20;

    private final Map<String, String> hosts;

    private Inventory(Map<String, String> hosts) {
        this.hosts = hosts;
    }

    public static Inventory none() {
        return new Inventory(Map.of());
    }

    /** @throws IOException when the file cannot be read, is too large, or has no hostname column (message says which) */
    public static Inventory read(Path csv) throws IOException {
        if (Files.size(csv) > MAX_BYTES) {
            throw new IOException(csv + " is larger than " + (MAX_BYTES >> 20) + " MB; it is not an inventory");
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(csv + " is empty: its first line must name the columns, one of them hostname");
        }
        String header = lines.get(0).replace("\uFEFF", "");
        char separator = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        List<String> names = cells(header, separator);
        int column = -1;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.equals("hostname") || name.equals("host")) {
                column = i;
                break;
            }
        }
        if (column < 0) {
            throw new IOException(csv + " has no hostname column: its first line must name the columns, e.g. hostname,room");
        }
        Map<String, String> hosts = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = cells(line, separator);
            String host = column < row.size() ? row.get(column).strip() : "";
            if (!host.isEmpty()) {
                hosts.putIfAbsent(host.toLowerCase(Locale.ROOT), host);
            }
        }
        return new Inventory(hosts);
    }

    public int size() {
        return hosts.size();
    }

    /** The expected hostnames, as the inventory spells them, in its order. */
    public List<String> hosts() {
        return List.copyOf(hosts.values());
    }

    /** One line's cells; a quoted cell may hold the separator and doubled quotes (no line breaks inside). */
    static List<String> cells(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
