package org.riddance.receipt;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Citation;
import org.riddance.catalog.ProductRule;

/**
 * Turns a signed payload into the printed page's wording: what a customer reads, in plain words. Every name
 * from the machine is shown with its control characters escaped ({@link DisplayText}).
 */
public final class ReceiptDocument {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** Definitions older than this are named when they are the only visible reason a check failed. */
    private static final long OLD_DEFINITIONS_DAYS = 7;
    /** What the details section holds of a waiver reason, beside the words around it. */
    private static final int MAX_REASON_SHOWN = 120;

    private ReceiptDocument() {
    }

    public static ReceiptView view(ReceiptPayload p, Catalog catalog, String qrText) {
        List<ReceiptView.ProductLine> products = new ArrayList<>();
        p.products().forEach(product -> products.add(new ReceiptView.ProductLine(DisplayText.escape(product.name()),
                DisplayText.escape(product.version()), category(catalog, product.id()), outcome(product.outcome()))));
        if (antivirusFailed(p)) {
            // the replacement antivirus is why the job failed: it gets a row like the products it replaces
            products.add(new ReceiptView.ProductLine(antivirusName(p.antivirus()), "", "Replacement antivirus", "Failed check"));
        }
        return new ReceiptView(p.id(), result(p.result()), headline(p), DisplayText.escape(p.machine().hostname()),
                DisplayText.escape(p.machine().os()), DisplayText.escape(p.machine().serial()),
                DisplayText.escape(p.technician().name()), DisplayText.escape(p.technician().id()),
                DisplayText.escape(p.site()), DisplayText.escape(p.ticket()),
                time(p.started(), p.utcOffset()), time(p.finished(), p.utcOffset()), products, backup(p.backup()) + kept(p.kept()),
                antivirus(p.antivirus()), citations(catalog), p.catalogVersion() + " ("
                        + p.catalogSha256().substring(0, Math.min(12, p.catalogSha256().length())) + ")",
                ReleaseVersion.display(p.appVersion()), p.keyFingerprint(), qrText,
                List.of("Check it in Riddance's Verify screen (this PDF, or a scan of the code) or with: riddance verify "
                                + p.id() + ".receipt.pdf",
                        "Genuine only if Riddance says \"valid\" with your office's trusted keys (its trusted-keys "
                                + "folder: riddance trust list); a key sent with the receipt proves nothing."),
                p.demo(), DisplayText.escape(p.notes().replaceAll("\\s+", " ")), managedBy(p),
                waiverInFull(p.backup()));
    }

    /** The servers the PC's management agent reported to: they may push a removed product back. */
    static String managedBy(ReceiptPayload p) {
        List<String> servers = p.products().stream().flatMap(x -> x.managedBy().stream()).distinct()
                .map(DisplayText::escape).toList();
        if (servers.isEmpty()) {
            return "";
        }
        return String.join(", ", servers) + " (the management agent's server" + (servers.size() == 1 ? "" : "s")
                + "). It may install the product again: have its administrator take this PC out of its management.";
    }

    static ReceiptView.Outcome outcome(ReceiptPayload p) {
        return result(p.result());
    }

    static ReceiptView.Outcome result(String result) {
        return switch (result) {
            case "pass" -> ReceiptView.Outcome.PASS;
            case "fail" -> ReceiptView.Outcome.FAIL;
            default -> ReceiptView.Outcome.INCOMPLETE;
        };
    }

    /** One plain sentence: what was done, or what failed and why; the wizard shows the same words. */
    public static String headline(ReceiptPayload p) {
        int total = p.products().size();
        String av = antivirusName(p.antivirus());
        return switch (p.result()) {
            case "pass" -> (total == 0 ? "No banned products were found"
                    : total == 1 ? "The banned product was removed" : "All " + total + " banned products were removed")
                    + ", and " + av + " protects this computer.";
            case "fail" -> "Failed: " + String.join(", and ", failures(p)) + ".";
            default -> "Not finished: " + String.join(", and ", missing(p)) + ".";
        };
    }

    private static List<String> failures(ReceiptPayload p) {
        List<String> failed = p.products().stream().filter(x -> x.outcome().equals("failed"))
                .map(x -> DisplayText.escape(x.name())).toList();
        List<String> causes = new ArrayList<>();
        if (failed.size() == 1) {
            causes.add("removing " + failed.get(0) + " did not succeed");
        } else if (failed.size() > 1) {
            causes.add("removing " + failed.size() + " banned products did not succeed (" + failed.get(0) + ", …)");
        }
        if (antivirusFailed(p)) {
            causes.add(antivirusProblem(p.antivirus(), 1).orElse(antivirusName(p.antivirus()) + " did not pass its check"));
        }
        if (causes.isEmpty()) {
            causes.add("a step did not succeed; the outcomes below say which");
        }
        return causes;
    }

    private static List<String> missing(ReceiptPayload p) {
        long left = p.products().stream().filter(x -> !gone(x.outcome())).count();
        List<String> missing = new ArrayList<>();
        if (left > 0) {
            missing.add(left + " of " + p.products().size() + " banned product" + (p.products().size() == 1 ? "" : "s")
                    + (left == 1 ? " is" : " are") + " still to be removed");
        }
        if (p.antivirus().state().equals("not-checked")) {
            missing.add("the replacement antivirus was not checked");
        } else {
            antivirusProblem(p.antivirus(), 1).ifPresent(missing::add);
        }
        if (missing.isEmpty()) {
            missing.add("not every check was run (the scan may have been incomplete)");
        }
        return missing;
    }

    private static boolean gone(String outcome) {
        return outcome.equals("removed") || outcome.equals("cleaned");
    }

    /** The antivirus is a cause when the job failed with every removal done, or it shows a problem of its own. */
    static boolean antivirusFailed(ReceiptPayload p) {
        if (!p.result().equals("fail") || p.antivirus().state().equals("not-checked")) {
            return false;
        }
        boolean removalFailed = p.products().stream().anyMatch(x -> x.outcome().equals("failed"));
        return !removalFailed || antivirusProblem(p.antivirus(), 1).isPresent();
    }

    /**
     * What is visibly wrong with the replacement antivirus, in words, the weightiest {@code most} problems (the
     * headline has room for one; the details line says the rest); empty when nothing recorded is wrong.
     */
    static Optional<String> antivirusProblem(ReceiptPayload.Antivirus av, int most) {
        String name = antivirusName(av);
        List<String> problems = new ArrayList<>();
        switch (av.state()) {
            case "not-found" -> {
                return Optional.of("no replacement antivirus was found");
            }
            case "not-read" -> {
                return Optional.of("the replacement antivirus could not be checked");
            }
            case "banned" -> {
                return Optional.of(name + " is itself a banned product");
            }
            default -> {
                if (av.state().startsWith("disabled")) {
                    problems.add("is turned off");
                } else if (av.state().contains("real-time off")) {
                    problems.add("has real-time protection turned off");
                }
            }
        }
        switch (av.eicar()) {
            case "not-detected" -> problems.add("did not stop the EICAR test virus");
            case "error" -> problems.add("could not be tested with the EICAR test virus");
            default -> {
            }
        }
        if (av.definitionsAgeDays() > OLD_DEFINITIONS_DAYS) {
            problems.add("has virus definitions " + av.definitionsAgeDays() + " days old");
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        problems = problems.subList(0, Math.min(most, problems.size()));
        String joined = problems.size() == 1 ? problems.get(0)
                : String.join(", ", problems.subList(0, problems.size() - 1)) + " and " + problems.get(problems.size() - 1);
        return Optional.of(name + " " + joined);
    }

    private static String antivirusName(ReceiptPayload.Antivirus av) {
        return av.name().isBlank() || av.name().equals("none") ? "the replacement antivirus" : DisplayText.escape(av.name());
    }

    private static String category(Catalog catalog, String productId) {
        return catalog.product(productId).map(ProductRule::category)
                .map(c -> c.id().replace('-', ' ')).map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1))
                .orElseGet(() -> productId.endsWith("leftovers") || productId.endsWith("leftover") ? "Leftover" : "");
    }

    /** The outcome as printed, e.g. "not-removed" as "Not removed": the verifier compares the page with this. */
    static String outcome(String outcome) {
        String text = DisplayText.escape(outcome).replace('-', ' ');
        return text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1).toLowerCase(Locale.ROOT);
    }

    static String backup(ReceiptPayload.Backup backup) {
        return switch (backup.status()) {
            case "verified" -> "Verified archive of " + size(backup.bytes())
                    + (backup.location().isBlank() ? "" : " at " + DisplayText.escape(backup.location()))
                    + " (SHA-256 " + backup.sha256().substring(0, Math.min(16, backup.sha256().length())) + "…)";
            case "waived" -> "None made: the technician waived the back-up, giving this reason: " + reason(backup.waiverReason());
            default -> "No back-up was made in this session";
        };
    }

    /** The waiver reason in quotes; a long one starts here and is printed whole after the products. */
    private static String reason(String reason) {
        String shown = DisplayText.escape(reason);
        if (shown.length() <= MAX_REASON_SHOWN) {
            return "\"" + shown + "\"";
        }
        return "\"" + shown.substring(0, MAX_REASON_SHOWN).stripTrailing() + "…\" (" + String.format(Locale.ROOT, "%,d",
                shown.length()) + " characters, printed whole after the products)";
    }

    /** Leftovers removal did not delete because no back-up holds them: the customer still has them. */
    static String kept(long kept) {
        return kept == 0 ? "" : ". Leftovers kept: " + kept + (kept == 1 ? " file or key" : " files or keys")
                + " removal did not delete, as the back-up does not hold them (the session journal names them)";
    }

    /** The whole waiver reason for its own pages, when page one shows only its start. */
    static String waiverInFull(ReceiptPayload.Backup backup) {
        String shown = DisplayText.escape(backup.waiverReason());
        return backup.status().equals("waived") && shown.length() > MAX_REASON_SHOWN ? shown : "";
    }

    /** Sizes as a person reads them: 1,258,485,353 bytes is "1.3 GB" (powers of 1,000, as on the box). */
    static String size(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String antivirus(ReceiptPayload.Antivirus av) {
        switch (av.state()) {
            case "not-checked" -> {
                return "Not checked in this session";
            }
            case "not-found" -> {
                return "None found: no replacement antivirus is installed or running";
            }
            case "not-read" -> {
                return "Could not be checked: its status could not be read";
            }
            default -> {
            }
        }
        String state = switch (av.state()) {
            case "enabled" -> "turned on";
            case "disabled" -> "turned off";
            case "enabled, real-time off" -> "turned on, real-time protection off";
            case "disabled, real-time off" -> "turned off, real-time protection off";
            case "banned" -> "itself a banned product";
            case "unknown" -> "state not known";
            default -> DisplayText.escape(av.state());
        };
        String definitions = av.definitionsAgeDays() < 0 ? "age of virus definitions not known"
                : av.definitionsAgeDays() == 0 ? "virus definitions updated today"
                : "virus definitions " + av.definitionsAgeDays() + (av.definitionsAgeDays() == 1 ? " day" : " days") + " old";
        String eicar = switch (av.eicar()) {
            case "detected" -> "it stopped the EICAR test virus";
            case "not-detected" -> "it did not stop the EICAR test virus";
            case "not-possible" -> "the EICAR test cannot be run with this product";
            case "error" -> "the EICAR test could not run";
            case "cancelled" -> "the EICAR test was cancelled";
            default -> "the EICAR test was not run";
        };
        return antivirusName(av) + ": " + state + "; " + definitions + "; " + eicar;
    }

    /** The first binding acts in catalog order (the catalog lists the weightiest first); the page has room for four. */
    private static List<String> citations(Catalog catalog) {
        return catalog.citations().stream().filter(Citation::binding).limit(4)
                .map(c -> c.jurisdiction() + " " + c.shortTitle() + " (" + c.issued() + ")").toList();
    }

    /** Local time with its offset when the payload records the signer's zone, else UTC. */
    static String time(Instant instant, String utcOffset) {
        if (utcOffset == null || utcOffset.isBlank()) {
            return TIME.format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
        }
        try {
            ZoneOffset offset = ZoneOffset.of(utcOffset);
            return TIME.format(instant.atOffset(offset)) + " (UTC" + (offset.getTotalSeconds() == 0 ? "" : utcOffset) + ")";
        } catch (java.time.DateTimeException notAnOffset) {
            return TIME.format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
        }
    }

    static String time(Instant instant) {
        return time(instant, "");
    }
}
