package org.riddance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.demo.DemoSandbox;
import org.riddance.detect.Detector;
import org.riddance.detect.ScanJournal;
import org.riddance.detect.ScanReport;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.OsFacts;
import org.riddance.platform.OsFamily;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.receipt.CanonicalJson;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.receipt.ReceiptPayload;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import picocli.CommandLine;

/**
 * Issue 13 item 6 end to end: a real dpkg sandbox whose Network Agent names its Administration Server, scanned,
 * journaled and signed; the server is in the signed payload, on the PDF page (read back with poppler's pdftotext),
 * in {@code receipt show}, and the PDF still verifies. A product with no server adds nothing to the payload.
 */
class ManagedPcReceiptTest {

    private static final String SERVER = "ksc01.example.com";

    @TempDir
    Path dir;

    @Test
    void theAgentsServerIsSignedPrintedAndShown() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg")), "needs dpkg to install the stand-in agent");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "needs poppler-utils' pdftotext to read the page");
        Path root = dir.resolve("root");
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        Host host = Hosts.sandbox(root);
        Catalog catalog = CatalogLoader.builtIn();
        ScanReport report = Detector.standard(Clock.systemUTC()).scan(host, catalog, Progress.NONE, Cancellation.none());
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.managementServers()).containsExactly(SERVER));

        SigningKey key = TechnicianKeystore.create(dir.resolve("keys"), "correct horse".toCharArray(), "Ana", Clock.systemUTC());
        OsFacts os = new OsFacts(OsFamily.LINUX, "Debian GNU/Linux 12", "12", "amd64", "reception-pc", "PF3ABC12");
        ReceiptIssuer.Issued issued;
        try (SessionJournal session = new SessionStore(dir.resolve("data"), Clock.systemUTC())
                .start(new SessionInfo("Ana Silva", "", "Acme Dental", "INC-7", ""), os, "t")) {
            session.record(ScanJournal.summary(report, catalog));
            issued = ReceiptIssuer.issue(session, os, catalog, "0.1.0", key, dir.resolve("receipts"), Clock.systemUTC());
        }

        String payload = Files.readString(issued.json(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"managedBy\":[\"" + SERVER + "\"]");
        assertThat(issued.payload().products()).filteredOn(p -> p.id().equals("kesl"))
                .singleElement().satisfies(p -> assertThat(p.managedBy()).isEmpty());

        String page = new SystemProcessRunner().run(Command.of("/usr/bin/pdftotext", "-layout",
                issued.pdf().toString(), "-").timeout(Duration.ofSeconds(60)).build(), Cancellation.none()).stdout();
        assertThat(page.replaceAll("\\s+", " ")).contains("Managed by " + SERVER, "may install the product again");

        Files.copy(issued.folder().resolve(issued.id() + ".pub.pem"), dir.resolve("trusted.pem"));
        StringWriter verifyOut = new StringWriter();
        assertThat(cli(verifyOut).execute("--data-dir", dir.resolve("cli").toString(), "verify", issued.pdf().toString(),
                "--trust", dir.resolve("trusted.pem").toString())).as(verifyOut.toString()).isZero();

        StringWriter shown = new StringWriter();
        assertThat(cli(shown).execute("--data-dir", dir.resolve("cli").toString(), "receipt", "show",
                issued.json().toString())).isZero();
        assertThat(shown.toString()).contains("managedBy:", "- " + SERVER,
                "Warning: this PC was managed by " + SERVER + ". That server may install the product again");
    }

    @Test
    void aProductWithoutAServerSignsTheSameBytesAsBefore() {
        ReceiptPayload.ProductOutcome plain = new ReceiptPayload.ProductOutcome("kesl", "Kaspersky Endpoint Security for Linux",
                "12.1", "removed");
        // the form format v1 was first issued with: name, ver and outcome only
        assertThat(CanonicalJson.text(List.of(plainMap(plain))))
                .isEqualTo("[{\"name\":\"Kaspersky Endpoint Security for Linux\",\"outcome\":\"removed\",\"ver\":\"12.1\"}]");
        ReceiptPayload.ProductOutcome managed = new ReceiptPayload.ProductOutcome("ksc-network-agent", "Network Agent",
                "14.2", "removed", List.of(SERVER));
        assertThat(CanonicalJson.text(List.of(plainMap(managed)))).isEqualTo("[{\"managedBy\":[\"" + SERVER
                + "\"],\"name\":\"Network Agent\",\"outcome\":\"removed\",\"ver\":\"14.2\"}]");
    }

    private static Object plainMap(ReceiptPayload.ProductOutcome product) {
        ReceiptPayload payload = new ReceiptPayload("R-1", new ReceiptPayload.Machine("h", "o", "s"),
                new ReceiptPayload.Technician("t", ""), "", "", java.time.Instant.EPOCH, java.time.Instant.EPOCH, "pass",
                List.of(product), ReceiptPayload.Backup.notMade(), ReceiptPayload.Antivirus.notChecked(), "1", "00", "j",
                "e", "0.1.0", "f".repeat(64));
        return ((List<?>) payload.toMap().get("products")).get(0);
    }

    private static CommandLine cli(StringWriter out) {
        CommandLine cli = RiddanceCommand.commandLine(context -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli;
    }
}
