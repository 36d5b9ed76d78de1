package org.riddance.cli;

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
import org.riddance.receipt.SignedReceipt;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.receipt.TrustStore;

/** {@code trust add|list|remove} and {@code verify} without {@code --trust}, run as separate processes. */
class TrustCommandTest {

    @TempDir
    Path dir;

    @Test
    void verifyWithoutTrustNamesTheUnknownKeyUntilTheOfficeTrustsIt() throws Exception {
        SigningKey key = TechnicianKeystore.create(dir.resolve("tech"), "correct horse".toCharArray(), "Ana", Clock.systemUTC());
        Path pub = dir.resolve("tech").resolve(TechnicianKeystore.PUBLIC_KEY);
        SignedReceipt receipt = SignedReceipt.sign(Map.of("id", "R-1", "result", "pass", "key", key.fingerprint()), key);
        Path json = receipt.writeTo(dir.resolve("r"), "R-1");

        Run unknown = riddance("verify", json.toString());
        assertThat(unknown.exit).as(unknown.output).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(unknown.output).contains("signed by an unknown key " + key.fingerprint()).doesNotContain("Receipt valid");

        Run added = riddance("trust", "add", pub.toString());
        assertThat(added.exit).as(added.output).isZero();
        assertThat(added.output).contains("Trusted: " + key.fingerprint());
        assertThat(riddance("trust", "add", pub.toString()).output).contains("Already trusted");
        Run listed = riddance("--json", "trust", "list");
        assertThat(listed.output).contains(key.fingerprint()).contains(TrustStore.FOLDER);

        Run valid = riddance("verify", json.toString());
        assertThat(valid.exit).as(valid.output).isZero();
        assertThat(valid.output).contains("Receipt valid").contains("the receipt says PASS");

        Run removed = riddance("trust", "remove", key.fingerprint().substring(0, 12));
        assertThat(removed.exit).as(removed.output).isZero();
        assertThat(riddance("verify", json.toString()).exit).isEqualTo(ExitCode.FOUND_OR_FAILED);
        Run none = riddance("trust", "remove", key.fingerprint());
        assertThat(none.exit).isEqualTo(ExitCode.ERROR);
        assertThat(none.output).contains("no trusted key matches");
    }

    @Test
    void aReceiptOverOneMegabyteIsRefusedWithExitTwo() throws Exception {
        Path big = dir.resolve("big.receipt.json");
        Files.write(big, new byte[2 << 20]);
        Files.write(dir.resolve("big.receipt.sig"), new byte[64]);

        Run run = riddance("verify", big.toString());

        assertThat(run.exit).isEqualTo(ExitCode.ERROR);
        assertThat(run.output).contains("larger than 1 MB");
    }

    @Test
    void aFileThatIsNotAKeyIsRefusedAndNothingIsTrusted() throws Exception {
        Path notAKey = Files.writeString(dir.resolve("note.pem"), "hello\n");

        Run run = riddance("trust", "add", notAKey.toString());

        assertThat(run.exit).isEqualTo(ExitCode.ERROR);
        assertThat(run.output).contains("not a PEM public key");
        assertThat(dir.resolve("data").resolve(TrustStore.FOLDER)).doesNotExist();
    }

    private record Run(int exit, String output) {
    }

    private Run riddance(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile="
                        + Path.of("src/test/resources/logback-test.xml").toAbsolutePath(),
                "org.riddance.app.Launcher", "--data-dir", dir.resolve("data").toString()));
        argv.addAll(List.of(args));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
