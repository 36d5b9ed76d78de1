package org.riddance.platform;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.riddance.platform.PeImages.PE32;
import static org.riddance.platform.PeImages.PE32_PLUS;
import static org.riddance.platform.PeImages.WIN_CERT_REVISION_2_0;
import static org.riddance.platform.PeImages.WIN_CERT_TYPE_PKCS_SIGNED_DATA;
import static org.riddance.platform.PeImages.WIN_CERT_TYPE_X509;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signer extraction from PE images built here at run time: certificates made up for the test (the "Kaspersky"
 * one is an obvious stand-in, not Kaspersky's) and CMS SignedData over a few bytes, in {@link PeImages} files.
 */
class AuthenticodeTest {

    private static final String KASPERSKY = "AO Kaspersky Lab (test stand-in)";
    private static final String TEST_CA = "Riddance Test Code Signing CA (test stand-in)";

    private static StandInSigning.Issued testCa;
    private static StandInSigning.Issued kaspersky;
    private static byte[] kasperskySignature;

    @TempDir
    Path dir;


    @BeforeAll
    static void issueCertificates() throws Exception {
        testCa = StandInSigning.issue("CN=" + TEST_CA, BigInteger.ONE, StandInSigning.keys("EC", 256), null);
        kaspersky = StandInSigning.issue("CN=" + KASPERSKY + ", O=" + KASPERSKY, new BigInteger("0123456789ABCDEF", 16),
                StandInSigning.keys("RSA", 2048), testCa);
        // the CA comes first, so taking "the first certificate" instead of the signer's would fail
        kasperskySignature = StandInSigning.signedData(kaspersky, testCa.certificate(), kaspersky.certificate());
    }

    @Test
    void namesTheSignerOfAPe32PlusImage() throws Exception {
        Path dll = write("klavemu.dll", PeImages.signed(PE32_PLUS,
                PeImages.winCertificate(WIN_CERT_REVISION_2_0, WIN_CERT_TYPE_PKCS_SIGNED_DATA, kasperskySignature)));

        assertThat(Authenticode.signer(dll)).contains(new Authenticode.SignerInfo(
                KASPERSKY, KASPERSKY, TEST_CA, "0123456789ABCDEF", sha1(kaspersky.certificate())));
    }

    @Test
    void namesTheSignerOfAPe32ImageWithASelfSignedEcCertificate() throws Exception {
        StandInSigning.Issued selfSigned = StandInSigning.issue("CN=Stand-in Vendor, O=Stand-in Vendor\\, Inc.", BigInteger.valueOf(0xF00D),
                StandInSigning.keys("EC", 256), null);
        Path exe = write("setup.exe", PeImages.signed(PE32, PeImages.winCertificate(WIN_CERT_REVISION_2_0,
                WIN_CERT_TYPE_PKCS_SIGNED_DATA, StandInSigning.signedData(selfSigned, selfSigned.certificate()))));

        assertThat(Authenticode.signer(exe)).contains(new Authenticode.SignerInfo("Stand-in Vendor",
                "Stand-in Vendor, Inc.", "Stand-in Vendor", "00F00D", sha1(selfSigned.certificate())));
    }

    @Test
    void skipsCertificateEntriesOfOtherTypes() throws Exception {
        byte[] x509Entry = PeImages.winCertificate(WIN_CERT_REVISION_2_0, WIN_CERT_TYPE_X509,
                testCa.certificate().getEncoded());
        byte[] pkcs7Entry = PeImages.winCertificate(WIN_CERT_REVISION_2_0, WIN_CERT_TYPE_PKCS_SIGNED_DATA,
                kasperskySignature);

        Path both = write("both.dll", PeImages.signed(PE32_PLUS, PeImages.concat(x509Entry, pkcs7Entry)));
        assertThat(Authenticode.signer(both)).map(Authenticode.SignerInfo::commonName).contains(KASPERSKY);

        Path x509Only = write("x509.dll", PeImages.signed(PE32_PLUS, x509Entry));
        assertThat(Authenticode.signer(x509Only)).isEmpty();
        Path oldRevision = write("rev1.dll", PeImages.signed(PE32_PLUS,
                PeImages.winCertificate(0x0100, WIN_CERT_TYPE_PKCS_SIGNED_DATA, kasperskySignature)));
        assertThat(Authenticode.signer(oldRevision)).isEmpty();
    }

    @Test
    void unsignedImagesHaveNoSigner() throws Exception {
        assertThat(Authenticode.signer(write("plain64.exe", PeImages.unsigned(PE32_PLUS)))).isEmpty();
        assertThat(Authenticode.signer(write("plain32.exe", PeImages.unsigned(PE32)))).isEmpty();
    }

    @Test
    void filesThatAreNotPeImagesHaveNoSigner() throws Exception {
        assertThat(Authenticode.signer(write("readme.txt", ("Not a program, just text that is long enough to"
                + " hold a DOS header if it were one.").getBytes(US_ASCII)))).isEmpty();
        assertThat(Authenticode.signer(write("short.exe", "MZ, then nothing".getBytes(US_ASCII)))).isEmpty();
        assertThat(Authenticode.signer(write("empty.dll", new byte[0]))).isEmpty();

        byte[] noPeSignature = PeImages.unsigned(PE32_PLUS);
        noPeSignature[0x80] = 'N';
        assertThat(Authenticode.signer(write("ne.exe", noPeSignature))).isEmpty();

        byte[] unknownMagic = PeImages.unsigned(PE32_PLUS);
        unknownMagic[0x80 + 24] = 0x07;
        unknownMagic[0x80 + 25] = 0x01; // 0x107, a ROM image
        assertThat(Authenticode.signer(write("rom.bin", unknownMagic))).isEmpty();
    }

    @Test
    void lyingHeadersGiveNoSignerAndNoException() throws Exception {
        byte[] farLfanew = PeImages.unsigned(PE32_PLUS);
        farLfanew[0x3F] = (byte) 0xF0; // e_lfanew = 0xF0000080
        assertThat(Authenticode.signer(write("lfanew.exe", farLfanew))).isEmpty();

        assertThat(Authenticode.signer(write("past-eof.dll", PeImages.headers(PE32_PLUS, 0x1000, 0x800)))).isEmpty();
        assertThat(Authenticode.signer(write("huge.dll", PeImages.headers(PE32_PLUS, 0x200, 0xFFFF_FFF0L)))).isEmpty();

        byte[] longerThanTable = PeImages.winCertificate(WIN_CERT_REVISION_2_0, WIN_CERT_TYPE_PKCS_SIGNED_DATA,
                kasperskySignature);
        longerThanTable[0] += 8; // dwLength now runs past the directory's size
        assertThat(Authenticode.signer(write("entry.dll", PeImages.signed(PE32_PLUS, longerThanTable)))).isEmpty();
    }

    @Test
    void aSignatureThatIsNotCmsGivesNoSigner() throws Exception {
        Path garbage = write("garbage.dll", PeImages.signed(PE32_PLUS, PeImages.winCertificate(
                WIN_CERT_REVISION_2_0, WIN_CERT_TYPE_PKCS_SIGNED_DATA, "not DER at all".getBytes(US_ASCII))));
        assertThat(Authenticode.signer(garbage)).isEmpty();

        byte[] truncated = Arrays.copyOf(kasperskySignature, kasperskySignature.length / 2);
        Path cut = write("cut.dll", PeImages.signed(PE32_PLUS,
                PeImages.winCertificate(WIN_CERT_REVISION_2_0, WIN_CERT_TYPE_PKCS_SIGNED_DATA, truncated)));
        assertThat(Authenticode.signer(cut)).isEmpty();
    }

    @Test
    void seeksToATableBeyondTwoGigabytes() throws Exception {
        byte[] entry = PeImages.winCertificate(WIN_CERT_REVISION_2_0, WIN_CERT_TYPE_PKCS_SIGNED_DATA,
                kasperskySignature);
        long tableOffset = 0xC000_0000L; // 3 GiB: offsets are unsigned 32-bit
        Path big = dir.resolve("sparse.dll");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write(PeImages.headers(PE32_PLUS, tableOffset, entry.length));
            file.seek(tableOffset); // the gap stays a hole on the file system, so this costs no disk
            file.write(entry);
        }
        assertThat(Authenticode.signer(big)).map(Authenticode.SignerInfo::organisation).contains(KASPERSKY);
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> Authenticode.signer(dir.resolve("absent.dll"))).isInstanceOf(NoSuchFileException.class);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }


    /** Issued by {@code issuer}, or self-signed when it is null. */



    private static String sha1(X509CertificateHolder certificate) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
    }
}
