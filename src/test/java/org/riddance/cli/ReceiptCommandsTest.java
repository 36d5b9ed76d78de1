package org.riddance.cli;

import org.riddance.journal.entry.ScanCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.OsFacts;
import org.riddance.platform.OsFamily;
import org.riddance.receipt.QrCodes;
import org.riddance.receipt.QrPayload;
import org.riddance.receipt.ReceiptBuilder;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.session.SessionInfo;
import org.riddance.receipt.SignedReceipt;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;

/** keygen and verify as a fleet tool runs them: separate processes, the passphrase in the environment. */
class ReceiptCommandsTest {

    @TempDir
    Path dir;

    @Test
    void keygenThenVerifyAGoodATamperedAndAScannedReceipt() throws Exception {
        Path keys = dir.resolve("keys");
        Run created = riddance(Map.of("RIDDANCE_PASSPHRASE", "correct horse battery"), "keygen", "--out", keys.toString(),
                "--name", "José Müller");
        assertThat(created.exit).as(created.output).isZero();
        assertThat(created.output).contains("Key fingerprint (SHA-256): ");
        Path pub = keys.resolve(TechnicianKeystore.PUBLIC_KEY);
        assertThat(pub).content().startsWith("-----BEGIN PUBLIC KEY-----");

        Run again = riddance(Map.of("RIDDANCE_PASSPHRASE", "something else"), "keygen", "--out", keys.toString());
        assertThat(again.exit).isEqualTo(ExitCode.ERROR);
        assertThat(again.output).contains("already exists");

        SigningKey key = TechnicianKeystore.open(keys.resolve(TechnicianKeystore.KEYSTORE), "correct horse battery".toCharArray());
        SignedReceipt receipt = SignedReceipt.sign(Map.of("id", "R-1", "tech", "José Müller", "key", key.fingerprint()), key);
        Path json = receipt.writeTo(dir, "R-1");

        Run valid = riddance(Map.of(), "verify", json.toString(), "--trust", pub.toString());
        assertThat(valid.exit).as(valid.output).isZero();
        assertThat(valid.output).contains("Receipt valid").contains("José Müller");

        // the .sig in base64, as `openssl base64` writes it (issue 12: "raw or base64")
        Path sig = dir.resolve("R-1" + SignedReceipt.SIGNATURE);
        Path b64 = dir.resolve("R-1.sig.b64");
        org.junit.jupiter.api.Assumptions.assumeTrue(opensslBase64(sig, b64) == 0,
                "openssl is needed to write the base64 signature file (apt-get install openssl)");
        Files.move(b64, sig, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(sig)).as("base64, not the 64 raw bytes").isNotEqualTo(64);
        Run fromBase64 = riddance(Map.of(), "verify", json.toString(), "--trust", pub.toString());
        assertThat(fromBase64.exit).as(fromBase64.output).isZero();
        assertThat(fromBase64.output).contains("Receipt valid");

        Files.writeString(json, receipt.payloadText().replace("R-1", "R-2"), StandardCharsets.UTF_8);
        Run tampered = riddance(Map.of(), "--json", "verify", json.toString(), "--trust", pub.toString());
        assertThat(tampered.exit).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(tampered.output).contains("\"valid\":false").contains("\"reason\":\"bad-signature\"");

        Run scanned = riddance(Map.of(), "verify", "--qr-text", QrPayload.encode(receipt, key.fingerprint()), "--trust", pub.toString());
        assertThat(scanned.exit).as(scanned.output).isZero();

        ReceiptIssuer.Issued issued = issue(key);
        Run pdf = riddance(Map.of(), "verify", issued.pdf().toString(), "--trust", pub.toString());
        assertThat(pdf.exit).as(pdf.output).isZero();
        java.awt.image.BufferedImage code = QrCodes.encode(issued.qrText(), 4);
        Path scan = dir.resolve("scan.png");
        javax.imageio.ImageIO.write(code, "png", scan.toFile());
        Run fromScan = riddance(Map.of(), "--json", "verify", "--qr-image", scan.toString(), "--trust", keys.toString());
        assertThat(fromScan.exit).as(fromScan.output).isZero();
        assertThat(fromScan.output).contains("\"valid\":true");
        Run unknownKey = riddance(Map.of(), "verify", "--qr-image", scan.toString(), "--trust", dir.resolve("nobody.pem").toString());
        assertThat(unknownKey.exit).isEqualTo(ExitCode.ERROR);
        assertThat(unknownKey.output).contains("cannot read the trusted keys");

        Run noPassphrase = riddance(Map.of(), "keygen", "--out", dir.resolve("other").toString());
        assertThat(noPassphrase.exit).isEqualTo(ExitCode.ERROR);
        assertThat(noPassphrase.output).contains("RIDDANCE_PASSPHRASE");
    }

    private ReceiptIssuer.Issued issue(SigningKey key) throws Exception {
        OsFacts os = new OsFacts(OsFamily.LINUX, "Debian GNU/Linux 12", "12", "amd64", "praxis", "");
        try (SessionJournal session = new SessionStore(dir.resolve("session-data"), Clock.systemUTC())
                .start(new SessionInfo("José Müller", "", "Zürich", "", ""), os, "t")) {
            session.record(new ScanCompleted("clean", "1", "00", "built-in", List.of(), List.of()));
            return ReceiptIssuer.issue(session, os, CatalogLoader.builtIn(), "0.1.0", key, dir.resolve("receipts"), Clock.systemUTC());
        }
    }

    private record Run(int exit, String output) {
    }

    private Run riddance(Map<String, String> env, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=" + Path.of("src/test/resources/logback-test.xml").toAbsolutePath(),
                "org.riddance.app.Launcher", "--data-dir", dir.resolve("data").toString()));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("RIDDANCE_PASSPHRASE");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private static int opensslBase64(Path in, Path out) throws Exception {
        try {
            return new ProcessBuilder("openssl", "base64", "-in", in.toString(), "-out", out.toString())
                    .redirectErrorStream(true).start().waitFor();
        } catch (java.io.IOException noOpenssl) {
            return -1;
        }
    }
}
