package org.riddance.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
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
    /** {@code sha256sum} format: "hex  riddance-signing.p12". */
    public static final String CHECKSUM = ".sha256";
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
        if (Files.exists(keystoreFile, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(keystoreFile, null);
        }
        byte[] keystoreBytes;
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), passphrase, new Certificate[] {certificate(pair, technician, clock)});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, passphrase);
            keystoreBytes = out.toByteArray();
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new KeyStoreException("This Java runtime could not make an Ed25519 key: " + e.getMessage(), e);
        }
        publish(keystoreFile, keystoreBytes);
        // beside the keystore, so a later failure to open it can tell a damaged file from a wrong passphrase
        replace(folder.resolve(KEYSTORE + CHECKSUM), (sha256(keystoreBytes) + "  " + KEYSTORE + "\n").getBytes(StandardCharsets.US_ASCII));
        replace(folder.resolve(PUBLIC_KEY), SigningKey.pem(pair.getPublic()).getBytes(StandardCharsets.US_ASCII));
        return new SigningKey(pair.getPrivate(), pair.getPublic());
    }

    /**
     * Puts the complete keystore at {@code target} in one step, or not at all: the bytes go to a fresh temporary
     * file (created exclusively), which is then hard-linked to the final name. link(2) never follows a link at the
     * new name and fails if anything, a planted symlink included, is already there, so of two concurrent keygens
     * exactly one wins and the other is told the key exists. Where hard links are not supported (FAT, some
     * network shares) the file is created with CREATE_NEW and NOFOLLOW_LINKS, which is exclusive but not atomic.
     */
    private static void publish(Path target, byte[] bytes) throws KeyStoreException, IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".riddance-signing", ".p12.part");
        try {
            Files.write(temporary, bytes, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.createLink(target, temporary);
            } catch (UnsupportedOperationException | FileSystemException linksNotSupported) {
                if (linksNotSupported instanceof FileAlreadyExistsException) {
                    throw exists(target, linksNotSupported);
                }
                writeExclusively(target, bytes);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void writeExclusively(Path target, byte[] bytes) throws KeyStoreException, IOException {
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SYNC, LinkOption.NOFOLLOW_LINKS)) {
            out.write(bytes);
        } catch (FileAlreadyExistsException e) {
            throw exists(target, e);
        }
    }

    /** Writes a companion file by renaming a fresh temporary file over it: a link at that name is replaced, never followed. */
    private static void replace(Path target, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".riddance-signing", ".part");
        try {
            Files.write(temporary, bytes, StandardOpenOption.WRITE);
            // createTempFile makes it owner-only; the public key and checksum are for everyone to read
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's inherited ACL applies
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static KeyStoreException exists(Path keystoreFile, Exception cause) {
        return new KeyStoreException("A signing key already exists at " + keystoreFile + "; it was left as it is. "
                + "Use it, or choose another folder for a new key (old receipts keep naming the old one).", cause);
    }

    public static SigningKey open(Path keystoreFile, char[] passphrase) throws KeyStoreException {
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystoreFile)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, passphrase);
        } catch (NoSuchFileException e) {
            throw new KeyStoreException("There is no signing key at " + keystoreFile + ". Create one with 'riddance keygen --out DIR'.", e);
        } catch (IOException e) {
            if (passphraseRejected(e) && !damaged(keystoreFile)) {
                throw new KeyStoreException("The passphrase does not open " + keystoreFile + ". Nothing was changed; try again.", e);
            }
            throw damaged(keystoreFile, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            // a file cut short or overwritten can make the PKCS12 parser throw nearly anything
            throw damaged(keystoreFile, e);
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

    /**
     * PKCS12 checks the passphrase with a MAC over the whole file, so a flipped byte and a wrong passphrase fail the
     * same way; only the wrong passphrase is reported as such, and only when the file still has the checksum
     * written at keygen (or has none, as keys made before this check do not).
     */
    private static boolean passphraseRejected(IOException e) {
        return e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password");
    }

    private static boolean damaged(Path keystoreFile) {
        Path checksum = keystoreFile.resolveSibling(keystoreFile.getFileName() + CHECKSUM);
        try {
            if (!Files.isRegularFile(checksum)) {
                return false;
            }
            String recorded = Files.readString(checksum, StandardCharsets.US_ASCII).strip().split("\\s+")[0];
            return !recorded.equalsIgnoreCase(sha256(Files.readAllBytes(keystoreFile)));
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private static KeyStoreException damaged(Path keystoreFile, Exception e) {
        return new KeyStoreException("The signing keystore " + keystoreFile + " is damaged (" + e.getMessage()
                + "); it is not a matter of the passphrase. Restore it from your backup, or create a new key in another "
                + "folder (receipts signed with the old key stay verifiable with its public key).", e);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
