package org.riddance.platform;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;

/**
 * Certificates and CMS signatures made up at test time, for stand-in "signed" Windows binaries. Nothing here is
 * a real vendor's key or certificate; the names callers pass should say "test stand-in" where a reader could
 * otherwise be misled.
 */
public final class StandInSigning {

    private StandInSigning() {
    }

    public record Issued(KeyPair keys, X509CertificateHolder certificate) {
    }

    public static KeyPair keys(String algorithm, int size) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(size);
        return generator.generateKeyPair();
    }

    /** A certificate for {@code subject}, self-signed when {@code issuer} is null. */
    public static Issued issue(String subject, BigInteger serial, KeyPair keys, Issued issuer) throws Exception {
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(
                issuer == null ? name : issuer.certificate().getSubject(), serial,
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)),
                name, keys.getPublic())
                .build(contentSigner(issuer == null ? keys : issuer.keys()));
        return new Issued(keys, certificate);
    }

    /** CMS SignedData by {@code signer} carrying {@code certificates}, as a PE certificate table holds it. */
    public static byte[] signedData(Issued signer, X509CertificateHolder... certificates) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                .build()).build(contentSigner(signer.keys()), signer.certificate()));
        generator.addCertificates(new CollectionStore<>(List.of(certificates)));
        byte[] content = "stand-in for the SpcIndirectDataContent with the image hash".getBytes(US_ASCII);
        return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
    }

    /** A PE32+ image whose certificate table claims a signature by {@code subjectDn} (self-signed, EC). */
    public static byte[] peSignedBy(String subjectDn) throws Exception {
        Issued signer = issue(subjectDn, BigInteger.valueOf(System.nanoTime()), keys("EC", 256), null);
        return PeImages.signed(PeImages.PE32_PLUS, PeImages.winCertificate(PeImages.WIN_CERT_REVISION_2_0,
                PeImages.WIN_CERT_TYPE_PKCS_SIGNED_DATA, signedData(signer, signer.certificate())));
    }

    /** A PE32+ image carrying {@code signedData} in its certificate table. */
    public static byte[] peWith(byte[] signedData) {
        return PeImages.signed(PeImages.PE32_PLUS, PeImages.winCertificate(PeImages.WIN_CERT_REVISION_2_0,
                PeImages.WIN_CERT_TYPE_PKCS_SIGNED_DATA, signedData));
    }

    public static byte[] peUnsigned() {
        return PeImages.unsigned(PeImages.PE32_PLUS);
    }

    private static ContentSigner contentSigner(KeyPair keys) throws Exception {
        String algorithm = keys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaContentSignerBuilder(algorithm).build(keys.getPrivate());
    }
}
