package org.riddance.receipt;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Citation;
import org.riddance.catalog.ProductRule;

/** Turns a signed payload into the printed page's wording: what a customer reads, in plain words. */
public final class ReceiptDocument {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ReceiptDocument() {
    }

    public static ReceiptView view(ReceiptPayload p, Catalog catalog, String qrText) {
        List<ReceiptView.ProductLine> products = p.products().stream().map(product -> new ReceiptView.ProductLine(
                product.name(), product.version(), category(catalog, product.id()), outcome(product.outcome()))).toList();
        return new ReceiptView(p.id(), outcome(p), headline(p), p.machine().hostname(), p.machine().os(),
                p.machine().serial(), p.technician().name(), p.technician().id(), p.site(), p.ticket(),
                TIME.format(p.started()), TIME.format(p.finished()), products, backup(p.backup()),
                antivirus(p.antivirus()), citations(catalog), p.catalogVersion() + ", sha256 "
                        + p.catalogSha256().substring(0, 12), p.appVersion(), p.keyFingerprint(), qrText,
                List.of("Verify: riddance verify " + p.id() + ".receipt.json --trust " + p.id() + ".pub.pem,",
                        "or a scan of this code: riddance verify --qr-image SCAN.png --trust KEY.pem"));
    }

    static ReceiptView.Outcome outcome(ReceiptPayload p) {
        return switch (p.result()) {
            case "pass" -> ReceiptView.Outcome.PASS;
            case "fail" -> ReceiptView.Outcome.FAIL;
            default -> ReceiptView.Outcome.INCOMPLETE;
        };
    }

    /** The result in one sentence, as the page prints it under the result; the wizard shows the same words. */
    public static String headline(ReceiptPayload p) {
        long left = p.products().stream().filter(x -> !x.outcome().equals("removed") && !x.outcome().equals("cleaned")).count();
        return switch (p.result()) {
            case "pass" -> p.products().isEmpty() ? "No banned products found; replacement antivirus verified"
                    : "All banned products removed; replacement antivirus verified";
            case "fail" -> failed(p);
            default -> p.products().isEmpty() ? "No banned products found; not every check was run"
                    : left + " of " + p.products().size() + " banned item" + (p.products().size() == 1 ? "" : "s")
                            + " still to remove; not every step was run";
        };
    }

    /** Names what failed: the products whose removal failed, else the replacement antivirus, and why. */
    private static String failed(ReceiptPayload p) {
        List<String> names = p.products().stream().filter(x -> x.outcome().equals("failed"))
                .map(ReceiptPayload.ProductOutcome::name).toList();
        if (!names.isEmpty()) {
            return "Removal failed for " + String.join(", ", names);
        }
        ReceiptPayload.Antivirus av = p.antivirus();
        return switch (av.state()) {
            case "not-found" -> "No replacement antivirus was found on this PC";
            case "not-read" -> "The replacement antivirus could not be checked";
            case "banned" -> "The replacement antivirus, " + av.name() + ", is itself a banned product";
            default -> "The replacement antivirus, " + av.name() + ", did not pass its check (" + av.state()
                    + (av.eicar().equals("not-detected") ? ", the EICAR test file was not caught" : "")
                    + (av.definitionsAgeDays() > 7 ? ", definitions " + av.definitionsAgeDays() + " days old" : "") + ")";
        };
    }

    private static String category(Catalog catalog, String productId) {
        return catalog.product(productId).map(ProductRule::category)
                .map(c -> c.id().replace('-', ' ')).map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1))
                .orElseGet(() -> productId.endsWith("leftovers") || productId.endsWith("leftover") ? "Leftover" : "");
    }

    private static String outcome(String outcome) {
        String text = outcome.replace('-', ' ');
        return text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String backup(ReceiptPayload.Backup backup) {
        return switch (backup.status()) {
            case "verified" -> String.format("Verified archive, %,d bytes, SHA-256 %s", backup.bytes(), backup.sha256());
            case "waived" -> "Waived: " + backup.waiverReason();
            default -> "No backup was made in this session";
        };
    }

    private static String antivirus(ReceiptPayload.Antivirus av) {
        if (av.state().equals("not-checked")) {
            return "Not checked in this session";
        }
        return av.name() + ": " + av.state() + ", definitions "
                + (av.definitionsAgeDays() < 0 ? "of unknown age" : av.definitionsAgeDays() + " days old") + ", EICAR " + av.eicar();
    }

    /** The first binding acts in catalog order (the catalog lists the weightiest first); the page has room for four. */
    private static List<String> citations(Catalog catalog) {
        return catalog.citations().stream().filter(Citation::binding).limit(4)
                .map(c -> c.jurisdiction() + " " + c.shortTitle() + " (" + c.issued() + ")").toList();
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
