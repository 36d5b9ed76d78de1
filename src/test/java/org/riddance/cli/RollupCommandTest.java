package org.riddance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.demo.DemoAntivirus;
import org.riddance.demo.DemoSandbox;
import org.riddance.demo.StandInClamd;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.journal.entry.ScanCompleted;
import org.riddance.platform.Command;
import org.riddance.platform.OsFacts;
import org.riddance.platform.OsFamily;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.rollup.RollupCode;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;
import picocli.CommandLine;

/**
 * Issue 17: {@code rollup} over real receipts, each signed by {@code run --unattended} on its own sandbox of stand-in
 * packages (the real dpkg purges them): one PASS, one edited after signing, one signed by a key the office does not
 * trust, plus an older receipt of the first PC and a PC the inventory expects that never came back. Each is named as it
 * is, the exit code is 1, openssl verifies the summary's signature, and zbarimg reads the page's code at 150 dpi.
 */
class RollupCommandTest {

    private static final String PASSPHRASE = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    private final SystemProcessRunner runner = new SystemProcessRunner();

    @Test
    void namesEachReceiptAndSignsASummaryOpensslVerifies() throws Exception {
        assumeTrue(onPath("dpkg-deb") && onPath("openssl"), "needs dpkg-deb and openssl (Debian: dpkg, openssl)");
        SigningKey office = TechnicianKeystore.create(work.resolve("office-key"), PASSPHRASE.toCharArray(), "José Müller", Clock.systemUTC());
        TechnicianKeystore.create(work.resolve("stranger-key"), PASSPHRASE.toCharArray(), "Somebody Else", Clock.systemUTC());
        Path passphrase = Files.writeString(work.resolve("passphrase.txt"), PASSPHRASE + "\n");
        Path stick = Files.createDirectories(work.resolve("stick"));
        Files.createDirectories(work.resolve("backups"));

        String anna = signOnSandbox("pc-anna", "office-key", DemoAntivirus.WORKING, passphrase);
        String bert = signOnSandbox("pc-bert", "office-key", DemoAntivirus.NONE, passphrase);
        String cora = signOnSandbox("pc-cora", "stranger-key", DemoAntivirus.NONE, passphrase);
        ReceiptIssuer.Issued older = olderReceiptOf("pc-anna", office);
        older.copyTo(stick.resolve("from-last-month"));

        // the printed copy of pc-anna's receipt, scanned in elsewhere: the same receipt, counted once
        Files.copy(receiptFile(anna, ".receipt.pdf"), Files.createDirectories(stick.resolve("printed")).resolve("anna.pdf"));
        Path bertJson = receiptFile(bert, ".receipt.json");
        String signed = Files.readString(bertJson, StandardCharsets.UTF_8);
        assertThat(signed).contains("\"result\":\"fail\"");
        Files.writeString(bertJson, signed.replace("\"result\":\"fail\"", "\"result\":\"pass\""), StandardCharsets.UTF_8);
        Path inventory = Files.writeString(work.resolve("inventory.csv"), "\uFEFFroom;hostname\nEmpfang;PC-ANNA\nLabor;pc-bert\n"
                + "Büro;pc-cora\nKeller;pc-dora\n", StandardCharsets.UTF_8);

        Run rollup = riddance("--json", "rollup", stick.toString(), "--out", work.resolve("office").toString(),
                "--key", work.resolve("office-key").resolve(TechnicianKeystore.KEYSTORE).toString(),
                "--passphrase-file", passphrase.toString(), "--trust", work.resolve("office-key").resolve(TechnicianKeystore.PUBLIC_KEY).toString(),
                "--expect", inventory.toString(), "--site", "Praxis Ångström");

        assertThat(rollup.exit).as(rollup.err).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(rollup.out.strip().lines()).as("one JSON object on stdout").hasSize(1);
        JsonNode result = JSON.readTree(rollup.out);
        assertThat(result.get("status").asText()).isEqualTo("attention");
        JsonNode counts = result.get("counts");
        assertThat(counts.get("pass").asInt()).isEqualTo(1);
        assertThat(counts.get("tampered").asInt()).isEqualTo(1);
        assertThat(counts.get("unknownKey").asInt()).isEqualTo(1);
        assertThat(counts.get("missing").asInt()).isEqualTo(1);
        assertThat(counts.get("superseded").asInt()).isEqualTo(1);
        assertThat(counts.get("files").asInt()).as("three receipts and the older one").isEqualTo(4);

        Path summaryJson = Path.of(result.at("/files/json").asText());
        JsonNode summary = JSON.readTree(summaryJson.toFile());
        assertThat(summary.get("format").asText()).isEqualTo("riddance-office-rollup");
        assertThat(summary.get("site").asText()).isEqualTo("Praxis Ångström");
        assertThat(entry(summary, anna).get("validity").asText()).isEqualTo("valid");
        assertThat(entry(summary, anna).get("result").asText()).isEqualTo("pass");
        assertThat(entry(summary, anna).get("host").asText()).isEqualTo("pc-anna");
        assertThat(entry(summary, anna).get("superseded").asBoolean()).isFalse();
        assertThat(entry(summary, older.id()).get("superseded").asBoolean()).as("the older receipt of pc-anna").isTrue();
        assertThat(entry(summary, bert).get("validity").asText()).isEqualTo("tampered");
        assertThat(entry(summary, bert).get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bertJson))));
        assertThat(entry(summary, cora).get("validity").asText()).isEqualTo("unknown-key");
        assertThat(entry(summary, cora).get("detail").asText()).contains(fingerprintOf("stranger-key"));
        JsonNode dora = byHost(summary, "pc-dora");
        assertThat(dora.get("validity").asText()).isEqualTo("missing");

        ProcessResult openssl = runner.run(Command.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
                Path.of(result.at("/files/publicKey").asText()).toString(), "-rawin", "-in", summaryJson.toString(),
                "-sigfile", result.at("/files/sig").asText()).build());
        assertThat(openssl.stdout() + openssl.stderr()).contains("Signature Verified Successfully");

        Path pdf = Path.of(result.at("/files/pdf").asText());
        if (onPath("pdftoppm") && onPath("zbarimg")) {
            runner.run(Command.of("pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", pdf.toString(),
                    work.resolve("page").toString()).build());
            Path page = Files.list(work).filter(f -> f.getFileName().toString().startsWith("page")).findFirst().orElseThrow();
            ProcessResult zbar = runner.run(Command.of("zbarimg", "-q", "--raw", page.toString()).build());
            RollupCode.Scanned code = RollupCode.decode(zbar.stdout().strip()).orElseThrow(() -> new AssertionError(
                    "zbarimg read no roll-up code: " + zbar.stdout() + zbar.stderr()));
            assertThat(code.sha256()).isEqualTo(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(summaryJson))));
        }
        String csv = Files.readString(Path.of(result.at("/files/csv").asText()), StandardCharsets.UTF_8);
        assertThat(csv).contains("\"pc-bert\"", "\"tampered\"", "\"pc-dora\"", "\"missing\"");

        String trust = work.resolve("office-key").resolve(TechnicianKeystore.PUBLIC_KEY).toString();
        Run verifyJson = riddance("verify", summaryJson.toString(), "--trust", trust);
        assertThat(verifyJson.exit).as(verifyJson.out + verifyJson.err).isZero();
        assertThat(verifyJson.out).contains("Roll-up valid", "office roll-up RO-");
        Run verifyPdf = riddance("verify", pdf.toString(), "--trust", trust);
        assertThat(verifyPdf.exit).as(verifyPdf.out + verifyPdf.err).isZero();
        assertThat(verifyPdf.out).contains("the printed page matches");
        Run strangerTrusted = riddance("--json", "verify", summaryJson.toString(), "--trust",
                work.resolve("stranger-key").resolve(TechnicianKeystore.PUBLIC_KEY).toString());
        assertThat(strangerTrusted.exit).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(strangerTrusted.out).contains("\"reason\":\"unknown-key\"");

        byte[] bytes = Files.readAllBytes(summaryJson);
        Files.writeString(summaryJson, new String(bytes, StandardCharsets.UTF_8).replace("\"validity\":\"tampered\"", "\"validity\":\"valid\""), StandardCharsets.UTF_8);
        Run edited = riddance("--json", "verify", summaryJson.toString(), "--trust", trust);
        assertThat(edited.exit).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(edited.out).contains("\"reason\":\"bad-signature\"");
        Run editedPdf = riddance("--json", "verify", pdf.toString(), "--trust", trust);
        assertThat(editedPdf.exit).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(editedPdf.out).contains("\"reason\":\"swapped-qr\"");
    }

    @Test
    void badInputIsAnErrorAndWritesNothing() throws Exception {
        Path out = work.resolve("office");
        Run noFolder = riddance("rollup", work.resolve("nowhere").toString(), "--out", out.toString(), "--key", "k.p12");
        assertThat(noFolder.exit).isEqualTo(ExitCode.ERROR);
        assertThat(noFolder.err).contains("There is no folder");
        Path inventory = Files.writeString(work.resolve("inventory.csv"), "name,room\nanna,1\n");
        Run badInventory = riddance("rollup", work.toString(), "--out", out.toString(), "--key", "k.p12",
                "--expect", inventory.toString(), "--trust", work.toString());
        assertThat(badInventory.exit).isEqualTo(ExitCode.ERROR);
        assertThat(badInventory.err).contains("no hostname column");
        Run noKey = riddance("rollup", work.toString(), "--out", out.toString(), "--key", work.resolve("k.p12").toString(),
                "--trust", work.toString(), "--passphrase-file", Files.writeString(work.resolve("p"), "x\n").toString());
        assertThat(noKey.exit).isEqualTo(ExitCode.ERROR);
        assertThat(out).doesNotExist();
    }

    /** A demo sandbox named {@code host}, its stand-ins removed and its receipt signed by {@code run --unattended}. */
    private String signOnSandbox(String host, String key, DemoAntivirus antivirus, Path passphrase) throws Exception {
        Path root = Files.createDirectories(work.resolve("root-" + host));
        DemoSandbox.build(root, runner, Cancellation.none());
        Files.writeString(root.resolve("etc/hostname"), host + "\n");
        Optional<StandInClamd> clamd = antivirus.installInto(root, runner, Clock.systemUTC());
        try {
            Run run = riddance("--data-dir", work.resolve("data-" + host).toString(), "--root", root.toString(), "--json",
                    "run", "--unattended", "--backup-to", work.resolve("backups").toString(), "--receipt-to",
                    work.resolve("stick").resolve(host).toString(), "--technician", "José Müller", "--site", "Praxis",
                    "--ticket", "INC-17", "--key", work.resolve(key).resolve(TechnicianKeystore.KEYSTORE).toString(),
                    "--passphrase-file", passphrase.toString(), "--timeout", "60");
            JsonNode json = JSON.readTree(run.out);
            assertThat(json.at("/receipt/id").asText()).as(run.out + run.err).startsWith("R-");
            return json.at("/receipt/id").asText();
        } finally {
            if (clamd.isPresent()) {
                clamd.get().close();
            }
        }
    }

    /** A real receipt of {@code host} signed a month ago (a clean scan, nothing else): the PC's older visit. */
    private ReceiptIssuer.Issued olderReceiptOf(String host, SigningKey key) throws Exception {
        Clock lastMonth = Clock.fixed(Instant.now().minus(Duration.ofDays(30)), ZoneOffset.UTC);
        OsFacts os = new OsFacts(OsFamily.LINUX, "Debian GNU/Linux 12", "12", "amd64", host, "");
        try (SessionJournal session = new SessionStore(work.resolve("older-session"), lastMonth)
                .start(new SessionInfo("José Müller", "", "Praxis", "", ""), os, "t")) {
            session.record(new ScanCompleted("clean", "1", "00", "built-in", List.of(), List.of()));
            return ReceiptIssuer.issue(session, os, CatalogLoader.builtIn(), "0.1.0", key, work.resolve("older"), lastMonth);
        }
    }

    private Path receiptFile(String id, String suffix) throws Exception {
        try (Stream<Path> files = Files.walk(work.resolve("stick"))) {
            return files.filter(f -> f.getFileName().toString().equals(id + suffix)).findFirst().orElseThrow();
        }
    }

    private String fingerprintOf(String keyFolder) throws Exception {
        return SigningKey.fingerprint(org.riddance.receipt.TrustedKeys.load(work.resolve(keyFolder).resolve(TechnicianKeystore.PUBLIC_KEY))
                .all().values().iterator().next());
    }

    private static JsonNode entry(JsonNode summary, String receiptId) {
        for (JsonNode e : summary.get("entries")) {
            if (e.get("receipt").asText().equals(receiptId)) {
                return e;
            }
        }
        throw new AssertionError("no entry for " + receiptId + " in " + summary);
    }

    private static JsonNode byHost(JsonNode summary, String host) {
        for (JsonNode e : summary.get("entries")) {
            if (e.get("host").asText().equals(host)) {
                return e;
            }
        }
        throw new AssertionError("no entry for " + host);
    }

    private record Run(int exit, String out, String err) {
    }

    private Run riddance(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RiddanceCommand.commandLine(context -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> argv = new ArrayList<>(List.of(args));
        if (!argv.contains("--data-dir")) {
            argv.addAll(0, List.of("--data-dir", work.resolve("data").toString()));
        }
        int exit = cli.execute(argv.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
