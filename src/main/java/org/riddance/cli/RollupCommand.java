package org.riddance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riddance.engine.AppVersion;
import org.riddance.receipt.DisplayText;
import org.riddance.receipt.KeyStoreException;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.receipt.TrustStore;
import org.riddance.receipt.TrustedKeys;
import org.riddance.rollup.Inventory;
import org.riddance.rollup.OfficeRollup;
import org.riddance.rollup.RollupEntry;
import org.riddance.rollup.RollupIssuer;
import org.riddance.rollup.RollupReport;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "rollup", mixinStandardHelpOptions = true,
        description = "Reads every receipt under DIR (a USB stick, a share, a collected folder: .receipt.json with .sig, "
                + "or PDFs), verifies each against the office's trusted keys and writes a signed office summary into "
                + "--out: <id>.rollup.json, .rollup.sig, .rollup.pdf and .rollup.csv. Exit 0: every receipt valid and PASS, "
                + "none missing; 1: any other; 2: error, nothing written.")
final class RollupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of receipts (read recursively; links are not followed).")
    Path folder;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the summary's files are written.")
    Path out;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The keystore (.p12) that signs the "
            + "summary; its passphrase comes from --passphrase-file, RIDDANCE_PASSPHRASE or a prompt.")
    Path key;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "The keystore passphrase, first line.")
    Path passphraseFile;

    @Option(names = "--trust", paramLabel = "PUB.pem|DIR", description = "A technician's public key, or a folder of them, "
            + "to trust instead of the office's trusted keys (the data folder's trusted-keys).")
    Path trust;

    @Option(names = "--expect", paramLabel = "INVENTORY.csv", description = "The PCs expected: a CSV whose first line "
            + "names the columns, one of them hostname (comma or semicolon separated). A PC no receipt names is missing.")
    Path expect;

    @Option(names = "--site", paramLabel = "NAME", description = "The office or customer the summary is for.")
    String site = "";

    @Override
    public Integer call() {
        boolean json = parent.json();
        if (!Files.isDirectory(folder)) {
            return Json.error(spec, json, "rollup", "not-found", "There is no folder " + folder + " to roll up.");
        }
        TrustedKeys trusted;
        Inventory inventory;
        try {
            trusted = trust != null ? TrustedKeys.load(trust) : TrustStore.forVerifying(parent.context().dataDir());
        } catch (IOException e) {
            return Json.error(spec, json, "rollup", "trust", "Cannot read the trusted keys: " + e.getMessage());
        }
        try {
            inventory = expect == null ? Inventory.none() : Inventory.read(expect);
        } catch (IOException e) {
            return Json.error(spec, json, "rollup", "inventory", "Cannot read the inventory: " + e.getMessage());
        }
        SigningKey signingKey;
        try {
            signingKey = signingKey();
        } catch (KeyStoreException | IOException | IllegalStateException e) {
            return Json.error(spec, json, "rollup", "key", e.getMessage());
        }
        RollupReport report;
        RollupIssuer.Issued issued;
        try {
            report = new OfficeRollup(trusted, inventory).read(folder, Optional.of(out), Progress.NONE, Cancellation.none(), e -> { });
            issued = RollupIssuer.issue(report, site, signingKey, AppVersion.version(), out, Clock.systemUTC());
        } catch (IOException e) {
            return Json.error(spec, json, "rollup", "io", "The roll-up was not written: " + e.getMessage());
        }
        print(spec.commandLine().getOut(), json, issued);
        return report.allValidPass() ? ExitCode.OK : ExitCode.FOUND_OR_FAILED;
    }

    private SigningKey signingKey() throws KeyStoreException, IOException {
        char[] passphrase = Passphrase.read(passphraseFile, System.getenv(), System.console());
        try {
            return TechnicianKeystore.open(key, passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static void print(PrintWriter out, boolean json, RollupIssuer.Issued issued) {
        RollupReport report = issued.report();
        List<RollupEntry> problems = report.problems();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("command", "rollup");
            result.put("status", report.allValidPass() ? "all-pass" : "attention");
            result.put("id", issued.id());
            result.put("counts", report.counts());
            result.put("files", new TreeMap<>(Map.of("json", issued.json().toString(),
                    "sig", issued.signature().toString(), "pdf", issued.pdf().toString(), "csv", issued.csv().toString(),
                    "publicKey", issued.publicKey().toString())));
            result.put("problems", problems.stream().map(e -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("host", e.host());
                row.put("receipt", e.receiptId());
                row.put("file", e.file());
                row.put("standing", e.standing());
                row.put("detail", e.detail());
                return row;
            }).toList());
            out.println(Json.write(result));
            return;
        }
        out.println("Office roll-up " + issued.id() + ": " + (report.allValidPass() ? "ALL PASS" : "ATTENTION"));
        out.println(org.riddance.rollup.RollupSummary.countsLine(report.counts())
                + (report.counts().get("superseded") > 0 ? ", older receipts superseded " + report.counts().get("superseded") : ""));
        for (RollupEntry e : problems) {
            // names come from receipts anyone may have written: never raw control characters to the terminal
            out.println("  " + DisplayText.escape(e.host().isEmpty() ? "(" + e.file() + ")" : e.host()) + "  "
                    + e.standing() + (e.receiptId().isEmpty() ? "" : "  " + DisplayText.escape(e.receiptId()))
                    + "  " + DisplayText.escape(e.detail()));
        }
        issued.files().forEach(f -> out.println("Wrote " + f));
    }
}
