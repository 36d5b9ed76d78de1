package org.riddance.receipt;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares what a receipt PDF prints with what its QR code signs: the receipt number, the computer, the result
 * word, row by row in order, each product's name, version and outcome, and the first management server a product
 * reported to. The page's text is read line by line
 * (PDFBox, sorted by position), so a product row is its first line (name, version, category, outcome) followed
 * by the wrapped rest of its name.
 */
final class PrintedReceipt {

    private static final Set<String> RESULT_WORDS = Set.of("PASS", "FAIL", "INCOMPLETE");
    /** Receipt numbers as {@code ReceiptIssuer} makes them: R-date-time-random, -2 for a second one. */
    private static final Pattern RECEIPT_NUMBER = Pattern.compile("\\bR-\\d{8}-\\d{6}-[0-9a-z]+(?:-\\d+)?\\b");

    private final List<List<String>> lines;
    private final Set<String> words;

    PrintedReceipt(String pageText) {
        this.lines = Arrays.stream(normalize(pageText).split("\\R")).map(PrintedReceipt::words)
                .filter(l -> !l.isEmpty()).toList();
        this.words = lines.stream().flatMap(List::stream).collect(Collectors.toSet());
    }

    /** Empty when the page shows what {@code payload} says; else what differs, as a verdict. */
    @SuppressWarnings("unchecked")
    Optional<Verdict> mismatch(Map<String, Object> payload, boolean checkProducts, String key) {
        String id = String.valueOf(payload.get("id"));
        if (!words.contains(id)) {
            String printedIds = lines.stream().flatMap(List::stream).filter(w -> RECEIPT_NUMBER.matcher(w).matches())
                    .distinct().collect(Collectors.joining(", "));
            if (!printedIds.isEmpty()) {
                return Optional.of(new Verdict(Verdict.Reason.SWAPPED_QR, "the page is receipt " + printedIds
                        + " but its QR code is receipt " + id + ": a code pasted from another receipt", key));
            }
            return Optional.of(mismatch("the receipt number " + id + " is not printed on the page", key));
        }
        Map<String, Object> machine = (Map<String, Object>) payload.getOrDefault("machine", Map.of());
        String host = DisplayText.escape(String.valueOf(machine.getOrDefault("host", "")));
        if (!host.isBlank() && !containsRun(words(host))) {
            return Optional.of(mismatch("the computer " + host + " is not printed as signed", key));
        }
        String result = ReceiptDocument.result(String.valueOf(payload.get("result"))).name();
        Set<String> printedResults = words.stream().filter(RESULT_WORDS::contains).collect(Collectors.toSet());
        if (!printedResults.equals(Set.of(result))) {
            return Optional.of(mismatch("the page says " + String.join("/", printedResults) + ", the signed result is "
                    + result, key));
        }
        if (!checkProducts) {
            return Optional.empty();
        }
        int line = 0;
        for (Object item : (List<Object>) payload.getOrDefault("products", List.of())) {
            Map<String, Object> product = (Map<String, Object>) item;
            String name = DisplayText.escape(String.valueOf(product.get("name")));
            int found = row(line, words(name), words(DisplayText.escape(String.valueOf(product.getOrDefault("ver", "")))),
                    words(ReceiptDocument.outcome(String.valueOf(product.get("outcome")))));
            if (found < 0) {
                return Optional.of(mismatch("the product " + name + " is not printed with its signed version and outcome "
                        + product.get("outcome") + " in the signed order", key));
            }
            line = found;
        }
        return managedBy(payload, key);
    }

    /**
     * The first management server a product reported to must be printed ("Managed by" in Details): a page that
     * drops the warning would hide that the product may come back. Only the first: a long list is cut for room.
     */
    @SuppressWarnings("unchecked")
    private Optional<Verdict> managedBy(Map<String, Object> payload, String key) {
        Optional<String> server = ((List<Object>) payload.getOrDefault("products", List.of())).stream()
                .flatMap(p -> ((List<Object>) ((Map<String, Object>) p).getOrDefault("managedBy", List.of())).stream())
                .map(s -> DisplayText.escape(String.valueOf(s))).findFirst();
        if (server.isPresent() && !words.contains(server.get()) && !words.contains(server.get() + ",")) {
            return Optional.of(mismatch("the management server " + server.get() + " is not printed as signed", key));
        }
        return Optional.empty();
    }

    /**
     * Finds, from line {@code from}, the row that starts with the name and ends with the outcome; returns the line
     * after it (and after its wrapped name), or -1.
     */
    private int row(int from, List<String> name, List<String> version, List<String> outcome) {
        for (int i = from; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            int shown = prefix(line, name, 0);
            if (shown == 0 || !endsWith(line, outcome) || !containsRun(line, version)) {
                continue;
            }
            int next = i + 1;
            while (shown < name.size() && next < lines.size()) {
                int more = prefix(lines.get(next), name, shown);
                if (more == 0) {
                    break;
                }
                shown += more;
                next++;
            }
            if (shown == name.size() || truncated(lines.get(next - 1))) {
                return next;
            }
        }
        return -1;
    }

    /** How many of {@code name}'s words from {@code start} begin {@code line}; a word cut with "…" ends the match. */
    private static int prefix(List<String> line, List<String> name, int start) {
        int n = 0;
        while (n < line.size() && start + n < name.size()) {
            String printed = line.get(n);
            String expected = name.get(start + n);
            if (printed.equals(expected)) {
                n++;
            } else if (printed.endsWith("…") && expected.startsWith(printed.substring(0, printed.length() - 1))) {
                return name.size() - start; // the rest was cut for room
            } else {
                break;
            }
        }
        return n;
    }

    private static boolean truncated(List<String> line) {
        return line.stream().anyMatch(w -> w.endsWith("…"));
    }

    private static boolean endsWith(List<String> line, List<String> tail) {
        return line.size() >= tail.size() && line.subList(line.size() - tail.size(), line.size()).equals(tail);
    }

    private boolean containsRun(List<String> run) {
        return lines.stream().anyMatch(line -> containsRun(line, run));
    }

    private static boolean containsRun(List<String> line, List<String> run) {
        return run.isEmpty() || java.util.Collections.indexOfSubList(line, run) >= 0;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : normalize(text).strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replace('\u00A0', ' ');
    }

    private static Verdict mismatch(String detail, String key) {
        return new Verdict(Verdict.Reason.PRINT_MISMATCH, detail, key);
    }

}
