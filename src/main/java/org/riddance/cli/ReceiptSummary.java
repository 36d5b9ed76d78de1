package org.riddance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.receipt.SignedReceipt;

/** How a command reports a signed receipt: the files, and one last short line a fleet tool can show as it is. */
final class ReceiptSummary {

    private ReceiptSummary() {
    }

    static Map<String, Object> json(ReceiptIssuer.Issued issued, List<Path> copies) throws IOException {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("id", issued.id());
        receipt.put("result", issued.payload().result());
        receipt.put("sha256", sha256(issued.json()));
        receipt.put("json", issued.json().toString());
        receipt.put("pdf", issued.pdf().toString());
        receipt.put("folder", issued.folder().toString());
        receipt.put("copies", copies.stream().map(Path::toString).toList());
        return receipt;
    }

    static void print(PrintWriter out, boolean json, ReceiptIssuer.Issued issued, List<Path> copies,
                      List<String> problems) throws IOException {
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("command", "receipt sign");
            result.put("status", "signed");
            result.put("receipt", json(issued, copies));
            if (!problems.isEmpty()) {
                result.put("journalProblems", problems);
            }
            out.println(Json.write(result));
            return;
        }
        out.println("Receipt signed: " + issued.folder());
        copies.stream().filter(p -> p.getFileName().toString().endsWith(".pdf")).findFirst()
                .ifPresent(p -> out.println("Copied to " + p.getParent()));
        out.println(lastLine(issued));
    }

    /** "PASS R-20261204-... sha256 ab12...": short enough for Intune, which keeps only the last 2,048 characters. */
    static String lastLine(ReceiptIssuer.Issued issued) throws IOException {
        return issued.payload().result().toUpperCase(Locale.ROOT) + " " + issued.id() + " sha256 " + sha256(issued.json());
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receipt's PDF, given it or its JSON. */
    static Path pdfOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SignedReceipt.JSON)
                ? file.resolveSibling(name.substring(0, name.length() - SignedReceipt.JSON.length()) + ".receipt.pdf") : file;
    }

    /** The receipt's JSON, given it or its PDF. */
    static Path jsonOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".receipt.pdf")
                ? file.resolveSibling(name.substring(0, name.length() - ".receipt.pdf".length()) + SignedReceipt.JSON) : file;
    }

    /** The payload as indented lines, members in their signed order; control characters shown escaped. */
    static void printPayload(PrintWriter out, String payload) {
        try {
            JsonNode receipt = new ObjectMapper().readTree(payload);
            printNode(out, receipt, "");
            printManagementWarning(out, receipt);
        } catch (IOException e) {
            out.println(escape(payload));
        }
    }

    /** A PC whose agent reported to a management server: that server may push the product back. */
    private static void printManagementWarning(PrintWriter out, JsonNode receipt) {
        java.util.Set<String> servers = new java.util.LinkedHashSet<>();
        receipt.path("products").forEach(p -> p.path("managedBy").forEach(s -> servers.add(escape(s.asText()))));
        if (!servers.isEmpty()) {
            out.println("Warning: this PC was managed by " + String.join(", ", servers) + ". That server may install the "
                    + "product again: have its administrator take this PC out of its management.");
        }
    }

    private static void printNode(PrintWriter out, JsonNode node, String indent) {
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                out.println(indent + field.getKey() + ":");
                printNode(out, value, indent + "  ");
            } else if (value.isArray()) {
                out.println(indent + field.getKey() + ":" + (value.isEmpty() ? " none" : ""));
                for (JsonNode item : value) {
                    if (item.isObject()) {
                        out.println(indent + "  -");
                        printNode(out, item, indent + "    ");
                    } else {
                        out.println(indent + "  - " + escape(item.asText()));
                    }
                }
            } else {
                out.println(indent + field.getKey() + ": " + escape(value.asText()));
            }
        });
    }

    /** A name from a registry or a package can hold escape sequences: never send them to the terminal raw. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
