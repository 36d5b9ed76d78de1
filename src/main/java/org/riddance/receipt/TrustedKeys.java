package org.riddance.receipt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The public keys a verifier trusts, by fingerprint: one PEM file, or every {@code *.pem} in a folder. */
public final class TrustedKeys {

    private final Map<String, PublicKey> byFingerprint;

    private TrustedKeys(List<PublicKey> keys) {
        this.byFingerprint = keys.stream().collect(Collectors.toMap(SigningKey::fingerprint, Function.identity(), (a, b) -> a));
    }

    public static TrustedKeys of(PublicKey... keys) {
        return new TrustedKeys(List.of(keys));
    }

    /** A PEM file or a folder of them; a file that is not an Ed25519 public key is an error, named. */
    public static TrustedKeys load(Path fileOrFolder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> list = Files.list(fileOrFolder)) {
                list.filter(p -> p.getFileName().toString().endsWith(".pem")).sorted().forEach(files::add);
            }
        } else {
            files.add(fileOrFolder);
        }
        List<PublicKey> keys = new ArrayList<>();
        for (Path file : files) {
            keys.add(readPem(file));
        }
        return new TrustedKeys(keys);
    }

    /** Every source that exists: PEM files and folders of them; the ones that do not exist are skipped. */
    public static TrustedKeys loadAll(List<Path> sources) throws IOException {
        List<PublicKey> keys = new ArrayList<>();
        for (Path source : sources) {
            if (Files.exists(source)) {
                keys.addAll(load(source).byFingerprint.values());
            }
        }
        return new TrustedKeys(keys);
    }

    public int size() {
        return byFingerprint.size();
    }

    public Optional<PublicKey> key(String fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    public Map<String, PublicKey> all() {
        return Map.copyOf(byFingerprint);
    }

    static PublicKey readPem(Path file) throws IOException {
        if (Files.size(file) > TrustStore.MAX_PEM_BYTES) {
            throw new IOException(file + " is too large to be a PEM public key");
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        int begin = text.indexOf("-----BEGIN PUBLIC KEY-----");
        int end = text.indexOf("-----END PUBLIC KEY-----");
        if (begin < 0 || end < begin) {
            throw new IOException(file + " is not a PEM public key");
        }
        try {
            // text around the block (openssl's own comments, say) is allowed, as openssl allows it
            String base64 = text.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end).replaceAll("\\s", "");
            byte[] spki = Base64.getDecoder().decode(base64);
            PublicKey plain = Ed25519PublicKey.fromSpki(spki);
            // anything else goes to the JDK, which reads the odd encodings and names what a non-Ed25519 key is
            return plain != null ? plain : KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 public key: " + e.getMessage(), e);
        }
    }
}
