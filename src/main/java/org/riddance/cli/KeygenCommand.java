package org.riddance.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.riddance.receipt.KeyStoreException;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Creates the technician's receipt signing key: an Ed25519 key in a PKCS12 keystore protected by "
                + "a passphrase (from RIDDANCE_PASSPHRASE or a prompt), and its public key as PEM. An existing key is never replaced.")
final class KeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the keystore and public key.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "The technician the key belongs to (default: your user name).")
    String name = System.getProperty("user.name");

    @Override
    public Integer call() throws Exception {
        char[] passphrase = Passphrase.read(System.getenv(), System.console(), true);
        try {
            SigningKey key = TechnicianKeystore.create(out, passphrase, name, Clock.systemUTC());
            spec.commandLine().getOut().printf("Created %s and %s%nKey fingerprint (SHA-256): %s%n",
                    out.resolve(TechnicianKeystore.KEYSTORE), out.resolve(TechnicianKeystore.PUBLIC_KEY), key.fingerprint());
            return ExitCode.OK;
        } catch (KeyStoreException e) {
            spec.commandLine().getErr().println("riddance keygen: " + e.getMessage());
            return ExitCode.ERROR;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }
}
