package org.riddance.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys made by openssl, read without the JDK's key factory, against what the JDK makes of them. */
class TrustedKeysTest {

    @TempDir
    Path dir;

    @Test
    void anOpensslKeyReadsAsTheJdkReadsItAndVerifiesWhatItsPrivateKeySigned() throws Exception {
        assumeTrue(openssl("version").startsWith("OpenSSL"), "openssl is not installed");
        openssl("genpkey", "-algorithm", "ed25519", "-out", dir.resolve("key.pem").toString());
        openssl("pkey", "-in", dir.resolve("key.pem").toString(), "-pubout", "-out", dir.resolve("pub.pem").toString());
        openssl("pkey", "-in", dir.resolve("key.pem").toString(), "-pubout", "-outform", "DER",
                "-out", dir.resolve("pub.der").toString());
        byte[] der = Files.readAllBytes(dir.resolve("pub.der"));

        PublicKey read = TrustedKeys.readPem(dir.resolve("pub.pem"));
        PublicKey byJdk = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));

        assertThat(read.getEncoded()).isEqualTo(der).isEqualTo(byJdk.getEncoded());
        assertThat(read.getAlgorithm()).isEqualTo("Ed25519");
        assertThat(read.getFormat()).isEqualTo(byJdk.getFormat());
        assertThat(SigningKey.fingerprint(read)).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)))
                .isEqualTo(SigningKey.fingerprint(byJdk));

        byte[] payload = ("{\"key\":\"" + SigningKey.fingerprint(read) + "\",\"result\":\"pass\"}").getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("payload.json"), payload);
        openssl("pkeyutl", "-sign", "-inkey", dir.resolve("key.pem").toString(), "-rawin",
                "-in", dir.resolve("payload.json").toString(), "-out", dir.resolve("payload.sig").toString());
        SignedReceipt signed = new SignedReceipt(payload, Files.readAllBytes(dir.resolve("payload.sig")));

        assertThat(ReceiptVerifier.verify(signed, TrustedKeys.load(dir.resolve("pub.pem"))).valid()).isTrue();
        payload[payload.length - 3] ^= 1;
        assertThat(ReceiptVerifier.verify(new SignedReceipt(payload, signed.signature()), TrustedKeys.load(dir.resolve("pub.pem")))
                .valid()).isFalse();
    }

    @Test
    void aKeyOfAnotherKindIsRefusedWithWhatItIs() throws Exception {
        assumeTrue(openssl("version").startsWith("OpenSSL"), "openssl is not installed");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", dir.resolve("ec.pem").toString());
        openssl("pkey", "-in", dir.resolve("ec.pem").toString(), "-pubout", "-out", dir.resolve("ec-pub.pem").toString());

        assertThatThrownBy(() -> TrustedKeys.readPem(dir.resolve("ec-pub.pem")))
                .isInstanceOf(IOException.class).hasMessageContaining("is not an Ed25519 public key");
    }

    private String openssl(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return "";
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
