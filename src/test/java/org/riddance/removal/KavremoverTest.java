package org.riddance.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.platform.SignatureTrust;
import org.riddance.platform.StandInSigning;
import java.math.BigInteger;
import java.util.Optional;

/**
 * kavremover is opened only when it is the vendor's own signed tool, whatever its file is called or where it is:
 * the signer's name, Windows' verdict (WinVerifyTrust, played here by a stand-in that answers as Windows would;
 * the Windows CI job runs the real one) and the issuer that provably signed the signer's certificate.
 */
class KavremoverTest {

    static final SignatureTrust WINDOWS_TRUSTS = file -> Optional.empty();

    @TempDir
    Path dir;
    Catalog catalog = CatalogLoader.builtIn();

    @Test
    void theVendorSignedToolIssuedByAPinnedAuthorityIsAcceptedAndOpenedAsItself() throws Exception {
        Path exe = Files.write(dir.resolve("kavremvr.exe"), issuedBy("DigiCert EV Code Signing CA (SHA2)",
                "CN=AO Kaspersky Lab, O=AO Kaspersky Lab, C=RU"));

        Kavremover.Checked tool = Kavremover.check(exe, catalog, "kaspersky", WINDOWS_TRUSTS, Kavremover.VENDOR_ISSUERS);

        assertThat(tool.signer()).isEqualTo("AO Kaspersky Lab");
        assertThat(Kavremover.command(tool).argv()).containsExactly(exe.toString());
    }

    /** The subject of Kaspersky's EV signing certificate as a signed 2025 installer carries it (see Kavremover). */
    static final String KASPERSKY_EV_SUBJECT = "CN=AO Kaspersky Lab, O=AO Kaspersky Lab, STREET=sh Leningradskoye 39A / str 2, "
            + "L=Moscow, ST=Moscow, C=RU, 1.3.6.1.4.1.311.60.2.1.2=Moscow, 1.3.6.1.4.1.311.60.2.1.3=RU, "
            + "SERIALNUMBER=1027739867473, 2.5.4.15=Private Organization";

    @Test
    void theVendorsEvCertificateIsAcceptedFromAnyCaWindowsTrustsAndALookAlikeRegistrationIsNot() throws Exception {
        Path exe = Files.write(dir.resolve("kavremvr.exe"), issuedBy("Next Year's EV Code Signing CA (test stand-in)",
                KASPERSKY_EV_SUBJECT));

        assertThat(Kavremover.check(exe, catalog, "kaspersky", WINDOWS_TRUSTS, Kavremover.VENDOR_ISSUERS).signer())
                .as("the registration outlives a change of CA").isEqualTo("AO Kaspersky Lab");

        Path lookAlike = Files.write(dir.resolve("kavremvr (2).exe"), issuedBy("Next Year's EV Code Signing CA (test stand-in)",
                KASPERSKY_EV_SUBJECT.replace("1027739867473", "1234567890123")));
        assertThatThrownBy(() -> Kavremover.check(lookAlike, catalog, "kaspersky", WINDOWS_TRUSTS, Kavremover.VENDOR_ISSUERS))
                .hasMessageContaining("Do not run it");
        Path noJurisdiction = Files.write(dir.resolve("kavremvr (3).exe"), issuedBy("Next Year's EV Code Signing CA (test stand-in)",
                "CN=AO Kaspersky Lab, O=AO Kaspersky Lab, C=US, SERIALNUMBER=1027739867473"));
        assertThatThrownBy(() -> Kavremover.check(noJurisdiction, catalog, "kaspersky", WINDOWS_TRUSTS, Kavremover.VENDOR_ISSUERS))
                .as("the number alone, without Russia as its jurisdiction, is not the vendor's registration")
                .hasMessageContaining("Do not run it");
        assertThatThrownBy(() -> Kavremover.check(exe, catalog, "kaspersky",
                file -> Optional.of("its signing certificate leads to a root Windows does not trust (CERT_E_UNTRUSTEDROOT)"),
                Kavremover.VENDOR_ISSUERS)).as("Windows' verdict comes first").hasMessageContaining("CERT_E_UNTRUSTEDROOT");
    }

    @Test
    void aSelfSignedLookAlikeOrAnotherIssuerOrWindowsDistrustIsRefused() throws Exception {
        Path selfSigned = Files.write(dir.resolve("kavremvr.exe"), StandInSigning.peSignedBy("CN=AO Kaspersky Lab, O=AO Kaspersky Lab"));
        assertThatThrownBy(() -> Kavremover.check(selfSigned, catalog, "kaspersky", WINDOWS_TRUSTS, Kavremover.VENDOR_ISSUERS))
                .hasMessageContaining("issued by \"AO Kaspersky Lab\"").hasMessageContaining("Do not run it");
        assertThatThrownBy(() -> Kavremover.check(selfSigned, catalog, "kaspersky",
                file -> Optional.of("its signing certificate leads to a root Windows does not trust (CERT_E_UNTRUSTEDROOT)"),
                Kavremover.VENDOR_ISSUERS)).hasMessageContaining("CERT_E_UNTRUSTEDROOT");

        Path otherCa = Files.write(dir.resolve("kavremvr (2).exe"), issuedBy("Cheap Code Signing CA (test stand-in)",
                "CN=AO Kaspersky Lab, O=AO Kaspersky Lab"));
        assertThatThrownBy(() -> Kavremover.check(otherCa, catalog, "kaspersky", WINDOWS_TRUSTS, Kavremover.VENDOR_ISSUERS))
                .hasMessageContaining("issued by \"Cheap Code Signing CA (test stand-in)\"");

        Path forgedName = Files.write(dir.resolve("kavremvr (3).exe"), forgedIssuer("DigiCert EV Code Signing CA (SHA2)",
                "CN=AO Kaspersky Lab, O=AO Kaspersky Lab"));
        assertThatThrownBy(() -> Kavremover.check(forgedName, catalog, "kaspersky", WINDOWS_TRUSTS, Kavremover.VENDOR_ISSUERS))
                .as("an issuer named right that did not sign the certificate is no issuer").hasMessageContaining("Do not run it");
    }

    /** A signer certificate issued by a stand-in CA of that name (test keys, nothing of the real CA's). */
    static byte[] issuedBy(String caName, String signerDn) throws Exception {
        StandInSigning.Issued ca = StandInSigning.issue("CN=" + caName, BigInteger.ONE, StandInSigning.keys("EC", 256), null);
        StandInSigning.Issued signer = StandInSigning.issue(signerDn, BigInteger.TWO, StandInSigning.keys("EC", 256), ca);
        return StandInSigning.peWith(StandInSigning.signedData(signer, signer.certificate(), ca.certificate()));
    }

    /** The bag carries a CA certificate with the right name, but another key signed the signer's certificate. */
    static byte[] forgedIssuer(String caName, String signerDn) throws Exception {
        StandInSigning.Issued real = StandInSigning.issue("CN=" + caName, BigInteger.ONE, StandInSigning.keys("EC", 256), null);
        StandInSigning.Issued lookAlike = StandInSigning.issue("CN=" + caName, BigInteger.TEN, StandInSigning.keys("EC", 256), null);
        StandInSigning.Issued signer = StandInSigning.issue(signerDn, BigInteger.TWO, StandInSigning.keys("EC", 256), real);
        return StandInSigning.peWith(StandInSigning.signedData(signer, signer.certificate(), lookAlike.certificate()));
    }

    @Test
    void anotherSignerAnUnsignedFileALinkOrAnotherNameAreRefused() throws Exception {
        Path other = Files.write(dir.resolve("kavremvr.exe"), StandInSigning.peSignedBy("CN=Kasperle Software GmbH, O=Kasperle"));
        assertThatThrownBy(() -> Kavremover.check(other, catalog, "kaspersky")).isInstanceOf(IOException.class)
                .hasMessageContaining("signed by \"Kasperle Software GmbH\"").hasMessageContaining("do not run it");

        Path unsigned = Files.write(dir.resolve("kavremvr (1).exe"), StandInSigning.peUnsigned());
        assertThatThrownBy(() -> Kavremover.check(unsigned, catalog, "kaspersky")).hasMessageContaining("no Authenticode signature");

        Path signed = Files.write(dir.resolve("real.bin"), StandInSigning.peSignedBy("CN=AO Kaspersky Lab"));
        Path link = Files.createSymbolicLink(dir.resolve("kavremvr2.exe"), signed);
        assertThatThrownBy(() -> Kavremover.check(link, catalog, "kaspersky")).hasMessageContaining("not a plain file");

        Path renamed = Files.write(dir.resolve("setup.exe"), StandInSigning.peSignedBy("CN=AO Kaspersky Lab"));
        assertThatThrownBy(() -> Kavremover.check(renamed, catalog, "kaspersky")).hasMessageContaining("not Kaspersky's removal tool");
    }
}
