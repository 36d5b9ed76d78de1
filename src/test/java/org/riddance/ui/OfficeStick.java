package org.riddance.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.riddance.catalog.CatalogLoader;
import org.riddance.cli.RiddanceCommand;
import org.riddance.demo.DemoAntivirus;
import org.riddance.demo.DemoSandbox;
import org.riddance.demo.StandInClamd;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.journal.entry.ScanCompleted;
import org.riddance.platform.OsFacts;
import org.riddance.platform.OsFamily;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;

/**
 * A USB stick as a technician brings it back from a small office, made of real receipts: pc-anna's signed by
 * {@code run --unattended} on a demo sandbox whose stand-in Kaspersky packages the real dpkg purged (PASS, with a
 * working stand-in antivirus); pc-bert's edited after signing; pc-cora's signed by a key the office does not trust;
 * pc-dora's twice (last month's visit and today's, both a scan of a clean PC, so INCOMPLETE); and a PDF that is not a
 * receipt. The inventory expects pc-emil too, who never came back. The office key is the technician's own key in the
 * data folder, so the roll-up trusts it as {@code verify} does.
 */
public final class OfficeStick {

    public static final String PASSPHRASE = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Path stick;
    public final Path inventory;
    public final Path officeKeys;
    public final Path strangerKeys;
    public final String anna;

    private OfficeStick(Path stick, Path inventory, Path officeKeys, Path strangerKeys, String anna) {
        this.stick = stick;
        this.inventory = inventory;
        this.officeKeys = officeKeys;
        this.strangerKeys = strangerKeys;
        this.anna = anna;
    }

    /** Builds the stick under {@code work}; the office key goes to {@code dataDir/keys}. Needs dpkg-deb and dpkg. */
    public static OfficeStick build(Path work, Path dataDir) throws Exception {
        Path officeKeys = dataDir.resolve("keys");
        SigningKey office = TechnicianKeystore.create(officeKeys, PASSPHRASE.toCharArray(), "José Müller", Clock.systemUTC());
        Path strangerKeys = work.resolve("stranger-key");
        SigningKey stranger = TechnicianKeystore.create(strangerKeys, PASSPHRASE.toCharArray(), "Somebody Else", Clock.systemUTC());
        Path stick = Files.createDirectories(work.resolve("stick"));
        String anna = unattendedPass(work, "pc-anna", officeKeys.resolve(TechnicianKeystore.KEYSTORE));

        scanOnly(work, "pc-bert", office, Clock.systemUTC()).copyTo(stick.resolve("pc-bert"));
        Path bert;
        try (Stream<Path> files = Files.walk(stick.resolve("pc-bert"))) {
            bert = files.filter(f -> f.toString().endsWith(".receipt.json")).findFirst().orElseThrow();
        }
        String signed = Files.readString(bert, StandardCharsets.UTF_8);
        String edited = signed.replaceFirst("\"result\":\"(?!pass\")[a-z]+\"", "\"result\":\"pass\""); // made to look good
        if (edited.equals(signed)) {
            throw new IllegalStateException("pc-bert's receipt has no result to change: " + signed);
        }
        Files.writeString(bert, edited, StandardCharsets.UTF_8);
        scanOnly(work, "pc-cora", stranger, Clock.systemUTC()).copyTo(stick.resolve("pc-cora"));
        Clock lastMonth = Clock.fixed(Instant.now().minus(Duration.ofDays(30)), ZoneOffset.UTC);
        scanOnly(work, "pc-dora", office, lastMonth).copyTo(stick.resolve("last-month"));
        scanOnly(work, "pc-dora", office, Clock.systemUTC()).copyTo(stick.resolve("pc-dora"));
        Files.writeString(stick.resolve("printer-test.pdf"), "%PDF-1.4 not a receipt\n");
        Path inventory = Files.writeString(work.resolve("inventory.csv"),
                "\uFEFFroom;hostname\nEmpfang;PC-ANNA\nLabor;pc-bert\nBüro;pc-cora\nKeller;pc-dora\nLager;pc-emil\n",
                StandardCharsets.UTF_8);
        return new OfficeStick(stick, inventory, officeKeys, strangerKeys, anna);
    }

    /** The whole flow, headless, on a demo sandbox named {@code host}; its receipt is copied to the stick. */
    private static String unattendedPass(Path work, String host, Path keystore) throws Exception {
        SystemProcessRunner runner = new SystemProcessRunner();
        Path root = Files.createDirectories(work.resolve("root-" + host));
        DemoSandbox.build(root, runner, Cancellation.none());
        Files.writeString(root.resolve("etc/hostname"), host + "\n");
        Path passphrase = Files.writeString(work.resolve("passphrase.txt"), PASSPHRASE + "\n");
        Files.createDirectories(work.resolve("backups"));
        Optional<StandInClamd> clamd = DemoAntivirus.WORKING.installInto(root, runner, Clock.systemUTC());
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            var cli = RiddanceCommand.commandLine(context -> 0);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            cli.execute("--data-dir", work.resolve("data-" + host).toString(), "--root", root.toString(), "--json",
                    "run", "--unattended", "--backup-to", work.resolve("backups").toString(), "--receipt-to",
                    work.resolve("stick").resolve(host).toString(), "--technician", "José Müller", "--site", "Praxis",
                    "--ticket", "INC-17", "--key", keystore.toString(), "--passphrase-file", passphrase.toString(),
                    "--timeout", "60");
            JsonNode result = JSON.readTree(out.toString());
            String id = result.at("/receipt/id").asText();
            if (!id.startsWith("R-")) {
                throw new IllegalStateException("the unattended run signed no receipt: " + out + err);
            }
            return id;
        } finally {
            if (clamd.isPresent()) {
                clamd.get().close();
            }
        }
    }

    /** A real receipt of a session that only scanned (a clean PC): INCOMPLETE, as nothing checked the antivirus. */
    static ReceiptIssuer.Issued scanOnly(Path work, String host, SigningKey key, Clock clock) throws Exception {
        OsFacts os = new OsFacts(OsFamily.LINUX, "Debian GNU/Linux 12", "12", "amd64", host, "");
        Path sessions = Files.createTempDirectory(work, "session-" + host);
        try (SessionJournal session = new SessionStore(sessions, clock)
                .start(new SessionInfo("José Müller", "", "Praxis", "", ""), os, "t")) {
            session.record(new ScanCompleted("clean", "1", "00", "built-in", List.of(), List.of()));
            return ReceiptIssuer.issue(session, os, CatalogLoader.builtIn(), "0.1.0", key,
                    Files.createTempDirectory(work, "issued-" + host), clock);
        }
    }
}
