package org.riddance.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.riddance.receipt.KeyStoreException;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;

/**
 * Where the signing keys live. The technician's key is theirs (a passphrase only they know). The demo's key is
 * made for the demo and kept apart, in its own folder, with a passphrase written here in the open: a receipt it
 * signs proves nothing, and says DEMO.
 */
public final class SigningKeys {

    /** Not a secret: the demo key signs only training receipts. */
    static final char[] DEMO_PASSPHRASE = "riddance-demo-key".toCharArray();

    private SigningKeys() {
    }

    /** The technician's key folder in the data folder (the wizard's default). */
    public static Path technicianFolder(AppContext context) {
        return context.dataDir().resolve("keys");
    }

    public static Path demoFolder(AppContext context) {
        return context.dataDir().resolve("demo-keys");
    }

    /** The demo's key, made on first use. */
    public static SigningKey demo(AppContext context) throws IOException, KeyStoreException {
        Path folder = demoFolder(context);
        Path keystore = folder.resolve(TechnicianKeystore.KEYSTORE);
        if (Files.exists(keystore)) {
            return TechnicianKeystore.open(keystore, DEMO_PASSPHRASE.clone());
        }
        return TechnicianKeystore.create(folder, DEMO_PASSPHRASE.clone(), "Riddance demo (not a technician)",
                context.clock());
    }
}
