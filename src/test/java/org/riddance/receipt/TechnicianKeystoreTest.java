package org.riddance.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 item 5: keys are made exclusively, never through a planted link, and a damaged keystore is named so. */
class TechnicianKeystoreTest {

    private static final char[] PASSPHRASE = "correct horse".toCharArray();

    @Test
    void aSymlinkPlantedAtTheKeystoreNameIsNotFollowed(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("keys"));
        Path victim = Files.writeString(dir.resolve("victim.conf"), "precious\n");
        Files.createSymbolicLink(out.resolve(TechnicianKeystore.KEYSTORE), victim);

        assertThatThrownBy(() -> TechnicianKeystore.create(out, PASSPHRASE, "Eve", Clock.systemUTC()))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
    }

    @Test
    void aDanglingSymlinkDoesNotCreateItsTarget(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("keys"));
        Path target = dir.resolve("etc-shadow-stand-in");
        Files.createSymbolicLink(out.resolve(TechnicianKeystore.KEYSTORE), target);

        assertThatThrownBy(() -> TechnicianKeystore.create(out, PASSPHRASE, "Eve", Clock.systemUTC()))
                .isInstanceOf(KeyStoreException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void aSymlinkAtThePublicKeyNameIsReplacedNotFollowed(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("keys"));
        Path victim = Files.writeString(dir.resolve("victim.conf"), "precious\n");
        Files.createSymbolicLink(out.resolve(TechnicianKeystore.PUBLIC_KEY), victim);
        Files.createSymbolicLink(out.resolve(TechnicianKeystore.KEYSTORE + TechnicianKeystore.CHECKSUM), victim);

        SigningKey key = TechnicianKeystore.create(out, PASSPHRASE, "Ana", Clock.systemUTC());

        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(Files.isSymbolicLink(out.resolve(TechnicianKeystore.PUBLIC_KEY))).isFalse();
        assertThat(SigningKey.fingerprint(TrustedKeys.readPem(out.resolve(TechnicianKeystore.PUBLIC_KEY))))
                .isEqualTo(key.fingerprint());
        assertThat(Files.isSymbolicLink(out.resolve(TechnicianKeystore.KEYSTORE))).isFalse();
    }

    /** Two real JVMs race for one folder: exactly one key is created, the other is told it exists. */
    @Test
    void twoConcurrentKeygensMakeOneKeyAndTheSecondSaysItExists(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("keys"));
        Path go = dir.resolve("go");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> racers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            racers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KeygenRacer.class.getName(),
                    out.toString(), go.toString()).redirectErrorStream(true).start());
        }
        Files.writeString(go, "go");
        List<String> outputs = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        for (Process racer : racers) {
            assertThat(racer.waitFor(120, TimeUnit.SECONDS)).as("racer finished").isTrue();
            outputs.add(new String(racer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            codes.add(racer.exitValue());
        }
        assertThat(codes).as(outputs.toString()).containsExactlyInAnyOrder(0, 3);
        String winner = outputs.get(codes.indexOf(0));
        assertThat(outputs.get(codes.indexOf(3))).contains("already exists");
        SigningKey opened = TechnicianKeystore.open(out.resolve(TechnicianKeystore.KEYSTORE), PASSPHRASE);
        assertThat(winner).isEqualTo("created " + opened.fingerprint());
        assertThat(SigningKey.fingerprint(TrustedKeys.readPem(out.resolve(TechnicianKeystore.PUBLIC_KEY))))
                .as("the public key beside it is the winner's").isEqualTo(opened.fingerprint());
        try (var left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrder(TechnicianKeystore.KEYSTORE, TechnicianKeystore.PUBLIC_KEY,
                            TechnicianKeystore.KEYSTORE + TechnicianKeystore.CHECKSUM);
        }
    }

    @Test
    void aFlippedByteIsDamageNotAWrongPassphrase(@TempDir Path dir) throws Exception {
        TechnicianKeystore.create(dir, PASSPHRASE, "Ana", Clock.systemUTC());
        Path keystore = dir.resolve(TechnicianKeystore.KEYSTORE);
        byte[] bytes = Files.readAllBytes(keystore);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(keystore, bytes);

        assertThatThrownBy(() -> TechnicianKeystore.open(keystore, PASSPHRASE))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("damaged")
                .hasMessageNotContaining("passphrase does not open");
    }

    @Test
    void aTruncatedKeystoreIsDamaged(@TempDir Path dir) throws Exception {
        TechnicianKeystore.create(dir, PASSPHRASE, "Ana", Clock.systemUTC());
        Path keystore = dir.resolve(TechnicianKeystore.KEYSTORE);
        byte[] bytes = Files.readAllBytes(keystore);
        Files.write(keystore, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Files.delete(dir.resolve(TechnicianKeystore.KEYSTORE + TechnicianKeystore.CHECKSUM)); // as keys made before the checksum

        assertThatThrownBy(() -> TechnicianKeystore.open(keystore, PASSPHRASE))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("damaged");
    }

    @Test
    void aWrongPassphraseOnAnIntactKeystoreIsNamedAsSuch(@TempDir Path dir) throws Exception {
        TechnicianKeystore.create(dir, PASSPHRASE, "Ana", Clock.systemUTC());
        assertThatThrownBy(() -> TechnicianKeystore.open(dir.resolve(TechnicianKeystore.KEYSTORE), "wrong horse".toCharArray()))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("passphrase does not open");
    }

    /** One side of the race: waits for the start file, then tries to create the key. */
    public static final class KeygenRacer {
        public static void main(String[] args) throws IOException, InterruptedException {
            Path go = Path.of(args[1]);
            while (!Files.exists(go)) {
                Thread.sleep(1);
            }
            try {
                System.out.println("created " + TechnicianKeystore.create(Path.of(args[0]), PASSPHRASE, "Racer",
                        Clock.systemUTC()).fingerprint());
                System.exit(0);
            } catch (KeyStoreException e) {
                System.out.println(e.getMessage());
                System.exit(3);
            }
        }
    }
}
