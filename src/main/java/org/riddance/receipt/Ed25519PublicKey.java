package org.riddance.receipt;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An Ed25519 public key held as the SubjectPublicKeyInfo a PEM file carries (RFC 8410: a 12-byte header, then the
 * 32-byte key). Reading a trusted key through the JDK's {@code KeyFactory} set up its provider list and the EdDSA
 * provider, a quarter of a {@code verify} command's time, only to hand the same bytes to BouncyCastle's verifier.
 */
final class Ed25519PublicKey implements PublicKey {

    private static final long serialVersionUID = 1L;
    private static final byte[] SPKI_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");
    static final int SPKI_LENGTH = 44;

    private final byte[] spki;

    private Ed25519PublicKey(byte[] spki) {
        this.spki = spki.clone();
    }

    /** The key, when these bytes are an Ed25519 SubjectPublicKeyInfo; null when they are anything else. */
    static Ed25519PublicKey fromSpki(byte[] bytes) {
        return isEd25519Spki(bytes) ? new Ed25519PublicKey(bytes) : null;
    }

    static boolean isEd25519Spki(byte[] bytes) {
        return bytes != null && bytes.length == SPKI_LENGTH
                && Arrays.equals(bytes, 0, SPKI_HEADER.length, SPKI_HEADER, 0, SPKI_HEADER.length);
    }

    @Override
    public String getAlgorithm() {
        return "Ed25519";
    }

    @Override
    public String getFormat() {
        return "X.509";
    }

    @Override
    public byte[] getEncoded() {
        return spki.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519PublicKey key && Arrays.equals(spki, key.spki);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(spki);
    }
}
