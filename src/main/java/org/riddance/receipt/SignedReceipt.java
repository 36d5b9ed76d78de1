package org.riddance.receipt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Map;

/**
 * A receipt as it is kept: the canonical payload bytes and the Ed25519 signature over exactly those bytes.
 * On disk: {@code <id>.receipt.json} (the bytes, nothing added) and {@code <id>.receipt.sig} (64 raw bytes; read
 * back raw or base64), so
 * {@code openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in R.json -sigfile R.sig} checks it too.
 */
public record SignedReceipt(byte[] payload, byte[] signature) {

    public static final String JSON = ".receipt.json";
    public static final String SIGNATURE = ".receipt.sig";
    /** Issue 14 item 8: a receipt with 200 products is about 25 KB; a megabyte is never a real one. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;
    /** 64 raw bytes, or their base64 with a line end. */
    static final int MAX_SIGNATURE_FILE_BYTES = 1024;

    public static SignedReceipt sign(Map<String, Object> payload, SigningKey key) {
        byte[] bytes = CanonicalJson.bytes(payload);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.privateKey());
            signer.update(bytes);
            return new SignedReceipt(bytes, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** Writes {@code <id>.receipt.json} and {@code .sig} into {@code folder}; returns the JSON file. */
    public Path writeTo(Path folder, String id) throws IOException {
        Files.createDirectories(folder);
        Path json = folder.resolve(id + JSON);
        Files.write(json, payload);
        Files.write(folder.resolve(id + SIGNATURE), signature);
        return json;
    }

    /** Reads at most {@code limit} bytes, and says so rather than read on (a file may be anything, of any size). */
    static byte[] bounded(Path file, int limit) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new IOException(file.getFileName() + " is larger than " + (limit >= 1 << 20 ? (limit >> 20) + " MB"
                        : limit + " bytes") + "; it is not a Riddance receipt");
            }
            return bytes;
        }
    }

    /** Reads a receipt from its JSON file and the {@code .sig} beside it. */
    public static SignedReceipt read(Path jsonFile) throws IOException {
        String name = jsonFile.getFileName().toString();
        String base = name.endsWith(JSON) ? name.substring(0, name.length() - JSON.length())
                : name.replaceFirst("\\.json$", "");
        Path sig = jsonFile.resolveSibling(base + SIGNATURE);
        try {
            byte[] signature = bounded(sig, MAX_SIGNATURE_FILE_BYTES);
            // raw or base64 (issue 12); anything else goes on as it is, for the verifier to refuse by its length
            return new SignedReceipt(bounded(jsonFile, MAX_PAYLOAD_BYTES),
                    org.riddance.catalog.SignatureFile.decode(signature).orElse(signature));
        } catch (NoSuchFileException e) {
            throw new IOException("The receipt needs its signature file beside it: " + e.getFile() + " is missing", e);
        }
    }
}
