package org.riddance.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptSigningTest {

    static ReceiptPayload payload(String fingerprint) {
        return new ReceiptPayload("R-20261123-0001",
                new ReceiptPayload.Machine("RECEPTION-PC", "Windows 10 Pro 22H2", "PF3ABC12"),
                new ReceiptPayload.Technician("José Müller", "T-017"), "Zürich Praxis Dr. Ångström", "INC-4711",
                Instant.parse("2026-11-23T13:02:11.5Z"), Instant.parse("2026-11-23T13:41:07Z"), "pass",
                List.of(new ReceiptPayload.ProductOutcome("kes-windows", "Kaspersky Endpoint Security for Windows",
                                "11.11.0.452", "removed"),
                        new ReceiptPayload.ProductOutcome("ksc-network-agent", "Kaspersky Security Center Network Agent",
                                "14.0.0.10902", "removed"),
                        new ReceiptPayload.ProductOutcome("kaspersky-leftover", "Kaspersky Lab leftovers", "", "cleaned")),
                ReceiptPayload.Backup.archive("3f2a".repeat(16), 14_876_211),
                new ReceiptPayload.Antivirus("Microsoft Defender Antivirus", "on", 0, "blocked"),
                "2026.11.23", "95a8".repeat(16), "c0ffee".repeat(10) + "abcd", "e1de".repeat(16), "0.1.0", fingerprint, "", "", false);
    }

    @Test
    void aSignedReceiptVerifiesAndIsSmallEnoughForTheQrCode(@TempDir Path dir) throws Exception {
        SigningKey key = TechnicianKeystore.create(dir, "correct horse".toCharArray(), "José Müller", Clock.systemUTC());
        SignedReceipt receipt = SignedReceipt.sign(payload(key.fingerprint()).toMap(), key);

        Verdict verdict = ReceiptVerifier.verify(receipt, TrustedKeys.load(dir.resolve(TechnicianKeystore.PUBLIC_KEY)));

        assertThat(verdict.valid()).as(verdict.toString()).isTrue();
        assertThat(receipt.payloadText()).contains("\"José Müller\"").contains("\"start\":\"2026-11-23T13:02:11Z\"")
                .startsWith("{\"app\":\"0.1.0\"");
        assertThat(receipt.payload().length).as("about 1 KB").isLessThan(1200);
        assertThat(QrPayload.encode(receipt, key.fingerprint()).length()).as("what a QR code at level M carries, with room for more products").isLessThan(1800);
    }

    @Test
    void tamperingIsRejectedWithTheReason(@TempDir Path dir) throws Exception {
        SigningKey key = TechnicianKeystore.create(dir.resolve("mine"), "correct horse".toCharArray(), "Ana", Clock.systemUTC());
        SigningKey other = TechnicianKeystore.create(dir.resolve("other"), "battery staple".toCharArray(), "Eve", Clock.systemUTC());
        TrustedKeys trusted = TrustedKeys.of(key.publicKey(), other.publicKey());
        SignedReceipt good = SignedReceipt.sign(payload(key.fingerprint()).toMap(), key);

        byte[] flipped = good.payload().clone();
        int at = good.payloadText().indexOf("removed");
        flipped[at] = 'R'; // "Removed": still canonical JSON, different content
        assertThat(ReceiptVerifier.verify(new SignedReceipt(flipped, good.signature()), trusted).reason())
                .isEqualTo(Verdict.Reason.BAD_SIGNATURE);

        String edited = good.payloadText().replace("\"result\":\"pass\"", "\"result\": \"pass\"");
        assertThat(ReceiptVerifier.verify(new SignedReceipt(edited.getBytes(StandardCharsets.UTF_8), good.signature()), trusted)
                .reason()).as("not canonical any more").isEqualTo(Verdict.Reason.CHANGED_CONTENT);

        SignedReceipt byOther = SignedReceipt.sign(payload(key.fingerprint()).toMap(), other);
        Verdict wrongKey = ReceiptVerifier.verify(byOther, trusted);
        assertThat(wrongKey.reason()).isEqualTo(Verdict.Reason.BAD_SIGNATURE);
        assertThat(wrongKey.detail()).contains(other.fingerprint()).contains("not by the key the receipt names");

        SignedReceipt truncated = new SignedReceipt(Arrays.copyOf(good.payload(), good.payload().length - 10), good.signature());
        assertThat(ReceiptVerifier.verify(truncated, trusted).reason()).isEqualTo(Verdict.Reason.CHANGED_CONTENT);

        assertThat(ReceiptVerifier.verify(new SignedReceipt(good.payload(), Arrays.copyOf(good.signature(), 40)), trusted)
                .reason()).isEqualTo(Verdict.Reason.BAD_SIGNATURE);

        assertThat(ReceiptVerifier.verify(good, TrustedKeys.of(other.publicKey())).reason())
                .isEqualTo(Verdict.Reason.UNKNOWN_KEY);
    }

    @Test
    void opensslAcceptsOurReceiptsAndRejectsTamperedOnes(@TempDir Path dir) throws Exception {
        SigningKey key = TechnicianKeystore.create(dir, "correct horse".toCharArray(), "José Müller", Clock.systemUTC());
        SignedReceipt receipt = SignedReceipt.sign(payload(key.fingerprint()).toMap(), key);
        Path json = receipt.writeTo(dir, "R-1");
        Path pub = dir.resolve(TechnicianKeystore.PUBLIC_KEY);

        assertThat(openssl(pub, json, dir.resolve("R-1" + SignedReceipt.SIGNATURE))).contains("Signature Verified Successfully");

        // a base64 copy of the signature, made by openssl itself, reads back as the same 64 bytes and verifies
        Path b64 = dir.resolve("R-2" + SignedReceipt.SIGNATURE);
        Process base64 = new ProcessBuilder("openssl", "base64", "-in", dir.resolve("R-1" + SignedReceipt.SIGNATURE).toString(),
                "-out", b64.toString()).redirectErrorStream(true).start();
        assertThat(base64.waitFor()).isZero();
        Files.copy(json, dir.resolve("R-2" + SignedReceipt.JSON));
        SignedReceipt fromBase64 = SignedReceipt.read(dir.resolve("R-2" + SignedReceipt.JSON));
        assertThat(Files.readString(b64)).matches("[A-Za-z0-9+/=\\s]+");
        assertThat(fromBase64.signature()).isEqualTo(receipt.signature());
        assertThat(ReceiptVerifier.verify(fromBase64, TrustedKeys.load(pub)).valid()).isTrue();

        Path sig = dir.resolve("R-1" + SignedReceipt.SIGNATURE);
        SigningKey other = TechnicianKeystore.create(dir.resolve("other"), "battery staple".toCharArray(), "Eve", Clock.systemUTC());
        byte[] oneByte = receipt.payload().clone();
        oneByte[oneByte.length / 2] ^= 0x01;
        List<SignedReceipt> tampered = List.of(
                new SignedReceipt(oneByte, receipt.signature()),
                new SignedReceipt(receipt.payloadText().replace("José", "Jose").getBytes(StandardCharsets.UTF_8), receipt.signature()),
                SignedReceipt.sign(payload(key.fingerprint()).toMap(), other),
                new SignedReceipt(Arrays.copyOf(receipt.payload(), receipt.payload().length - 1), receipt.signature()));
        for (SignedReceipt bad : tampered) {
            Files.write(json, bad.payload());
            Files.write(sig, bad.signature());
            assertThat(openssl(pub, json, sig)).contains("Signature Verification Failure");
            assertThat(ReceiptVerifier.verify(SignedReceipt.read(json), TrustedKeys.load(pub)).valid()).isFalse();
        }
    }

    @Test
    void aCodePrintedBeforeTheCompactFormatStillVerifies(@TempDir Path dir) throws Exception {
        SigningKey key = TechnicianKeystore.create(dir, "correct horse".toCharArray(), "Ana", Clock.systemUTC());
        SignedReceipt receipt = SignedReceipt.sign(payload(key.fingerprint()).toMap(), key);

        String old = QrPayload.encodeLegacy(receipt, key.fingerprint());

        assertThat(old).startsWith("RDR1:");
        assertThat(ReceiptCheck.qrText(old, TrustedKeys.of(key.publicKey())).verdict().valid()).isTrue();
        assertThat(QrPayload.encode(receipt, key.fingerprint()).length()).as("compact: Base45 of deflated JSON")
                .isLessThan(old.length() * 8 / 10);
    }

    @Test
    void theQrTextCarriesTheWholeReceipt(@TempDir Path dir) throws Exception {
        SigningKey key = TechnicianKeystore.create(dir, "correct horse".toCharArray(), "Ana", Clock.systemUTC());
        SignedReceipt receipt = SignedReceipt.sign(payload(key.fingerprint()).toMap(), key);

        String qr = QrPayload.encode(receipt, key.fingerprint());

        assertThat(qr).startsWith("RDR2:").matches("[0-9A-Z $%*+\\-./:]+");
        SignedReceipt scanned = QrPayload.decode(qr).orElseThrow();
        assertThat(scanned.payload()).isEqualTo(receipt.payload());
        assertThat(ReceiptVerifier.verify(scanned, TrustedKeys.of(key.publicKey())).valid()).isTrue();
        assertThat(QrPayload.decode("https://example.invalid/not-a-receipt")).isEmpty();
        assertThat(QrPayload.decode(qr.substring(0, qr.length() - 7)).map(r -> ReceiptVerifier.verify(r,
                TrustedKeys.of(key.publicKey())).valid()).orElse(false)).as("a cut-off code never verifies").isFalse();
    }

    @Test
    void aWrongPassphraseOrADamagedKeystoreSaysSoAndChangesNothing(@TempDir Path dir) throws Exception {
        TechnicianKeystore.create(dir, "correct horse".toCharArray(), "Ana", Clock.systemUTC());
        Path keystore = dir.resolve(TechnicianKeystore.KEYSTORE);
        byte[] before = Files.readAllBytes(keystore);

        assertThatThrownBy(() -> TechnicianKeystore.open(keystore, "wrong horse".toCharArray()))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("passphrase does not open");
        assertThat(Files.readAllBytes(keystore)).isEqualTo(before);
        assertThat(TechnicianKeystore.open(keystore, "correct horse".toCharArray()).fingerprint()).hasSize(64);

        assertThatThrownBy(() -> TechnicianKeystore.create(dir, "another one".toCharArray(), "Ana", Clock.systemUTC()))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("already exists");
        assertThat(Files.readAllBytes(keystore)).as("never overwritten").isEqualTo(before);

        Path damaged = dir.resolve("damaged.p12");
        Files.write(damaged, Arrays.copyOf(before, before.length / 2));
        assertThatThrownBy(() -> TechnicianKeystore.open(damaged, "correct horse".toCharArray()))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("damaged");
        assertThatThrownBy(() -> TechnicianKeystore.open(dir.resolve("missing.p12"), "x".toCharArray()))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("riddance keygen");
        assertThatThrownBy(() -> TechnicianKeystore.create(dir.resolve("short"), "short".toCharArray(), "Ana", Clock.systemUTC()))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("at least 8");
    }

    private static String openssl(Path pub, Path json, Path sig) throws Exception {
        Process p = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin",
                "-in", json.toString(), "-sigfile", sig.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
