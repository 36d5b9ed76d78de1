package org.riddance.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 public keys whose signature makes an external catalog acceptable: PEM files
 * ({@code -----BEGIN PUBLIC KEY-----}) in the data folder's {@code trusted-catalog-keys}. The organisation
 * that publishes catalog updates installs its key there; Riddance never trusts a key it is handed with the
 * catalog itself.
 */
public final class CatalogKeys {

    public static final String FOLDER = "trusted-catalog-keys";
    private static final Logger LOG = LoggerFactory.getLogger(CatalogKeys.class);

    private final List<PublicKey> keys;

    private CatalogKeys(List<PublicKey> keys) {
        this.keys = List.copyOf(keys);
    }

    public static CatalogKeys none() {
        return new CatalogKeys(List.of());
    }

    /** Every {@code *.pem} in the folder; a file that is not an Ed25519 public key is logged and skipped. */
    public static CatalogKeys fromFolder(Path folder) throws IOException {
        List<PublicKey> keys = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                    try {
                        keys.add(readPublicKey(file));
                    } catch (GeneralSecurityException | IllegalArgumentException e) {
                        LOG.warn("Ignoring {}: not an Ed25519 public key ({})", file, e.getMessage());
                    }
                }
            }
        }
        return new CatalogKeys(keys);
    }

    public static CatalogKeys of(List<PublicKey> keys) {
        return new CatalogKeys(keys);
    }

    public int size() {
        return keys.size();
    }

    /** True when any trusted key made {@code signature} over exactly {@code content}. */
    public boolean verifies(byte[] content, byte[] signature) {
        for (PublicKey key : keys) {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(content);
                if (verifier.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                LOG.debug("Key {} could not check the signature: {}", key, e.toString());
            }
        }
        return false;
    }

    static PublicKey readPublicKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
