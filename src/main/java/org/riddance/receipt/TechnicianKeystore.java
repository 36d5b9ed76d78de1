package org.riddance.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The technician's signing key: Ed25519 in a PKCS12 keystore protected by a passphrase, with the public key
 * beside it as PEM. PKCS12 holds a private key only with a certificate, so a self-signed one names the
 * technician; nothing relies on it but the key inside. A key is never overwritten: old receipts stay
 * verifiable with the public key they name.
 */
public final class TechnicianKeystore {

    public static final String KEYSTORE = "riddance-signing.p12";
    public static final String PUBLIC_KEY = "riddance-signing.pub.pem";
    static final String ALIAS = "riddance-receipt-signing";

    private TechnicianKeystore() {
    }

    /** Creates the keystore and public key in {@code folder}; refuses if a keystore is already there. */
    public static SigningKey create(Path folder, char[] passphrase, String technician, Clock clock)
            throws KeyStoreException, IOException {
        if (passphrase.length < 8) {
            throw new KeyStoreException("Choose a passphrase of at least 8 characters; it protects receipts signed in your name.");
        }
        Files.createDirectories(folder);
        Path keystoreFile = folder.resolve(KEYSTORE);
        if (Files.exists(keystoreFile)) {
            throw new KeyStoreException("A signing key already exists at " + keystoreFile + "; it was left as it is. "
                    + "Use it, or choose another folder for a new key (old receipts keep naming the old one).");
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), passphrase, new Certificate[] {certificate(pair, technician, clock)});
            Path temporary = Files.createTempFile(folder, ".riddance-signing", ".p12");
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.TRUNCATE_EXISTING)) {
                store.store(out, passphrase);
            }
            Files.move(temporary, keystoreFile, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(folder.resolve(PUBLIC_KEY), SigningKey.pem(pair.getPublic()), StandardCharsets.US_ASCII);
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (FileAlreadyExistsException e) {
            throw new KeyStoreException("A signing key appeared at " + keystoreFile + " while this one was made; kept that one.", e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new KeyStoreException("This Java runtime could not make an Ed25519 key: " + e.getMessage(), e);
        }
    }

    public static SigningKey open(Path keystoreFile, char[] passphrase) throws KeyStoreException {
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystoreFile)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, passphrase);
        } catch (NoSuchFileException e) {
            throw new KeyStoreException("There is no signing key at " + keystoreFile + ". Create one with 'riddance keygen --out DIR'.", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new KeyStoreException("The passphrase does not open " + keystoreFile + ". Nothing was changed; try again.", e);
            }
            throw new KeyStoreException("The signing keystore " + keystoreFile + " is damaged or not a keystore ("
                    + e.getMessage() + "). Restore it from your backup, or create a new key in another folder.", e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreException("The signing keystore " + keystoreFile + " could not be read: " + e.getMessage(), e);
        }
        try {
            Key key = store.getKey(ALIAS, passphrase);
            Certificate certificate = store.getCertificate(ALIAS);
            if (!(key instanceof PrivateKey privateKey) || certificate == null) {
                throw new KeyStoreException("The keystore " + keystoreFile + " holds no Riddance signing key.");
            }
            return new SigningKey(privateKey, certificate.getPublicKey());
        } catch (UnrecoverableKeyException e) {
            throw new KeyStoreException("The passphrase does not open the key in " + keystoreFile + ". Nothing was changed.", e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreException("The key in " + keystoreFile + " could not be read: " + e.getMessage(), e);
        }
    }

    private static X509Certificate certificate(KeyPair pair, String technician, Clock clock)
            throws OperatorCreationException, GeneralSecurityException {
        var name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, technician)
                .addRDN(BCStyle.OU, "Riddance receipt signing").build();
        Instant now = clock.instant();
        var holder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("Ed25519").build(pair.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
