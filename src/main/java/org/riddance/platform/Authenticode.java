package org.riddance.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Windows binary claims to be signed by: the signer certificate of its Authenticode signature, read
 * from the file alone, so a Windows disk can be scanned from Linux too.
 *
 * <p>This is "claims to be signed by", not "is signed by": neither the signature nor the file hash is verified
 * here, so a tampered or forged file still names the signer it claims. That is enough to recognise a vendor's
 * component (a Kaspersky engine inside another product); before anything is run, {@link SignatureTrust}
 * (WinVerifyTrust) proves origin and {@link #signerChain} names who issued the signer's certificate.
 */
public final class Authenticode {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticode.class);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /**
     * The signer certificate. A name the certificate lacks is the empty string; the serial (the certificate's
     * INTEGER bytes) and the SHA-1 thumbprint are upper-case hex, as Windows shows them.
     *
     * @param registrationNumber the subject's {@code serialNumber} (2.5.4.5): an EV certificate carries the company's
     *                           registration number there, checked by the CA (CA/B Forum EV Guidelines 9.2.5)
     * @param jurisdictionCountry the subject's jurisdictionCountryName (1.3.6.1.4.1.311.60.2.1.3), EV certificates only
     */
    public record SignerInfo(String commonName, String organisation, String issuerCommonName, String serialHex,
                             String sha1Thumbprint, String registrationNumber, String jurisdictionCountry) {

        public SignerInfo(String commonName, String organisation, String issuerCommonName, String serialHex,
                          String sha1Thumbprint) {
            this(commonName, organisation, issuerCommonName, serialHex, sha1Thumbprint, "", "");
        }
    }

    private static final ASN1ObjectIdentifier JURISDICTION_COUNTRY = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.60.2.1.3");

    /** Why a file yields no signer; only logged, because for the caller unsigned and unreadable mean the same. */
    static final class NoSignature extends Exception {
        NoSignature(String reason) {
            super(reason, null, false, false);
        }
    }

    private Authenticode() {
    }

    /**
     * The signer of the first signature in a PE file's certificate table; empty when the file is unsigned, not a
     * PE file, or its headers or signature do not hold together.
     *
     * @throws IOException when the file cannot be opened or read
     */
    public static Optional<SignerInfo> signer(Path peFile) throws IOException {
        try (FileChannel file = FileChannel.open(peFile, StandardOpenOption.READ)) {
            return Optional.of(signerOf(PeCertificateTable.firstSignedData(file)));
        } catch (NoSignature e) {
            LOG.debug("No Authenticode signer for {}: {}", peFile, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The signer's certificate and the issuers above it that travel in the signature, each one proven to have
     * signed the one below (a name alone proves nothing); it stops where the next issuer is not carried. Read with
     * {@link SignatureTrust}, which says whether Windows trusts the chain, this tells who issued the signer's
     * certificate.
     */
    public static java.util.List<SignerInfo> signerChain(Path peFile) throws IOException {
        try (FileChannel file = FileChannel.open(peFile, StandardOpenOption.READ)) {
            return chainOf(PeCertificateTable.firstSignedData(file));
        } catch (NoSignature e) {
            LOG.debug("No Authenticode signer for {}: {}", peFile, e.getMessage());
            return java.util.List.of();
        }
    }

    static java.util.List<SignerInfo> chainOf(byte[] pkcs7) throws NoSignature {
        try {
            CMSSignedData signedData = new CMSSignedData(contentInfo(pkcs7));
            SignerInformation first = signedData.getSignerInfos().getSigners().stream().findFirst()
                    .orElseThrow(() -> new NoSignature("SignedData has no SignerInfo"));
            java.util.Collection<X509CertificateHolder> bag = signedData.getCertificates().getMatches(null);
            X509CertificateHolder current = bag.stream().filter(c -> first.getSID().match(c)).findFirst()
                    .orElseThrow(() -> new NoSignature("the signer's certificate is not in the SignedData"));
            java.util.List<SignerInfo> chain = new java.util.ArrayList<>();
            chain.add(describe(current));
            while (!current.getIssuer().equals(current.getSubject()) && chain.size() < 8) {
                X509CertificateHolder child = current;
                Optional<X509CertificateHolder> issuer = bag.stream()
                        .filter(c -> c.getSubject().equals(child.getIssuer()) && signed(c, child)).findFirst();
                if (issuer.isEmpty()) {
                    break;
                }
                current = issuer.get();
                chain.add(describe(current));
            }
            return chain;
        } catch (CMSException | IOException | RuntimeException e) {
            throw new NoSignature("unreadable PKCS#7 SignedData (" + e + ")");
        }
    }

    private static boolean signed(X509CertificateHolder issuer, X509CertificateHolder child) {
        try {
            return child.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                    .build(issuer));
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.cert.CertException
                 | java.security.cert.CertificateException e) {
            return false;
        }
    }

    /** The certificate that matches the first SignerInfo's issuer and serial (or key id), not merely the first one. */
    static SignerInfo signerOf(byte[] pkcs7) throws NoSignature {
        try {
            CMSSignedData signedData = new CMSSignedData(contentInfo(pkcs7));
            SignerInformation first = signedData.getSignerInfos().getSigners().stream().findFirst()
                    .orElseThrow(() -> new NoSignature("SignedData has no SignerInfo"));
            SignerId id = first.getSID();
            for (X509CertificateHolder certificate : signedData.getCertificates().getMatches(null)) {
                if (id.match(certificate)) {
                    return describe(certificate);
                }
            }
            throw new NoSignature("the signer's certificate is not in the SignedData");
        } catch (CMSException | IOException | RuntimeException e) {
            throw new NoSignature("unreadable PKCS#7 SignedData (" + e + ")");
        }
    }

    /**
     * The blob is zero-padded to 8 bytes and newer BouncyCastle refuses trailing bytes after the DER object, so
     * read the one object and leave the padding.
     */
    private static ContentInfo contentInfo(byte[] pkcs7) throws IOException, NoSignature {
        try (ASN1InputStream in = new ASN1InputStream(pkcs7)) {
            ASN1Primitive object = in.readObject();
            if (object == null) {
                throw new NoSignature("empty PKCS#7 blob");
            }
            return ContentInfo.getInstance(object);
        }
    }

    private static SignerInfo describe(X509CertificateHolder certificate) throws IOException {
        return new SignerInfo(
                attribute(certificate.getSubject(), BCStyle.CN),
                attribute(certificate.getSubject(), BCStyle.O),
                attribute(certificate.getIssuer(), BCStyle.CN),
                HEX.formatHex(certificate.getSerialNumber().toByteArray()),
                HEX.formatHex(sha1(certificate.getEncoded())),
                attribute(certificate.getSubject(), BCStyle.SERIALNUMBER),
                attribute(certificate.getSubject(), JURISDICTION_COUNTRY));
    }

    /** The first value of that attribute type, unescaped: {@code Foo, Inc.} rather than {@code Foo\, Inc.}. */
    private static String attribute(X500Name name, ASN1ObjectIdentifier type) {
        for (RDN rdn : name.getRDNs(type)) {
            for (AttributeTypeAndValue pair : rdn.getTypesAndValues()) {
                if (pair.getType().equals(type)) {
                    ASN1Encodable value = pair.getValue();
                    return value instanceof ASN1String text ? text.getString() : value.toString();
                }
            }
        }
        return "";
    }

    private static byte[] sha1(byte[] encoded) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(encoded);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-1", e);
        }
    }
}
