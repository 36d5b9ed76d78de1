package org.riddance.removal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.riddance.journal.entry.KavremoverRan;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Vendor;
import org.riddance.platform.Authenticode;
import org.riddance.platform.Command;
import org.riddance.platform.SignatureTrust;

/**
 * Kaspersky's removal tool as the last resort, when the MSI uninstall cannot finish. It is interactive (it asks for
 * a CAPTCHA), so Riddance only opens it for the technician and records what they say it reported; the closing
 * rescan, not that report, decides the outcome. Only a file named like the tool, not a link, whose Authenticode
 * signer is one the catalog lists for the vendor, is opened.
 */
public final class Kavremover {

    static final Pattern NAME = Pattern.compile("(?i)kavremvr[\\w .()-]*\\.exe");
    /** The technician may need a while: the CAPTCHA, the product list, the tool's own restart prompt. */
    static final Duration TIMEOUT = Duration.ofHours(4);

    /** @param signer the signer's common name as the certificate carries it */
    public record Checked(Path exe, String signer) {
    }

    private Kavremover() {
    }

    /**
     * Kaspersky's own registration: its signing certificates are EV certificates whose subject carries the company's
     * Russian state registration number (OGRN) as serialNumber, with jurisdiction RU. Seen on a signed Kaspersky
     * installer, kaspersky4win2021 21.23.6.614 Setup.exe, SHA-256 40921b7262e1136c85ae1de03fabde0eb138adbffa98badbb508e2b914c40c92
     * ("CN=AO Kaspersky Lab, O=AO Kaspersky Lab, ... C=RU, jurisdictionC=RU, SERIALNUMBER=1027739867473,
     * businessCategory=Private Organization", a public malware-classification report on GitHub); OGRN 1027739867473
     * is AO Kaspersky Lab (INN 7713140469) in the Russian company register (EGRUL, egrul.nalog.ru). A public CA checks
     * that number before it issues an EV certificate, so a look-alike company cannot get one that carries it; it
     * outlives the yearly certificate renewal (Kaspersky KB 2681) and a change of CA.
     */
    static final String VENDOR_REGISTRATION = "1027739867473";
    static final String VENDOR_JURISDICTION = "RU";

    /**
     * The certificate authorities that issued Kaspersky's older (non-EV) code-signing certificates, accepted as well:
     * the signer's issuer must be one of them. Unconfirmed from a public source (no Kaspersky signature listing with
     * its issuer was found); kept because refusing a genuine older kavremvr.exe only sends the technician to download
     * the current one.
     */
    static final java.util.Set<String> VENDOR_ISSUERS = java.util.Set.of(
            "DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1",
            "DigiCert EV Code Signing CA (SHA2)",
            "DigiCert SHA2 Assured ID Code Signing CA",
            "DigiCert Assured ID Code Signing CA-1");

    /** @throws IOException with what is wrong with the file and what to do instead */
    public static Checked check(Path exe, Catalog catalog, String vendorId) throws IOException {
        return check(exe, catalog, vendorId, SignatureTrust.platform(), VENDOR_ISSUERS);
    }

    /**
     * The name, a plain file, the vendor's signer name, then Windows' own verdict on the signature and chain
     * (WinVerifyTrust), then the signer's issuer against the pinned ones.
     */
    static Checked check(Path exe, Catalog catalog, String vendorId, SignatureTrust trust, java.util.Set<String> issuers)
            throws IOException {
        if (!NAME.matcher(exe.getFileName().toString()).matches()) {
            throw new IOException(exe.getFileName() + " is not Kaspersky's removal tool (kavremvr.exe): download it "
                    + "from media.kaspersky.com/utilities/ConsumerUtilities/kavremvr.exe");
        }
        if (!Files.isRegularFile(exe, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(exe + " is not a plain file (a link or a folder): copy the tool itself onto the PC");
        }
        Optional<Authenticode.SignerInfo> signer = Authenticode.signer(exe);
        Optional<Vendor> vendor = catalog.vendor(vendorId);
        if (signer.isEmpty()) {
            throw new IOException(exe.getFileName() + " carries no Authenticode signature: it is not the vendor's tool; "
                    + "download it again from the vendor");
        }
        String name = signer.get().commonName().isBlank() ? signer.get().organisation() : signer.get().commonName();
        if (vendor.isEmpty() || !(vendor.get().signs(signer.get().commonName()) || vendor.get().signs(signer.get().organisation()))) {
            throw new IOException(exe.getFileName() + " is signed by \"" + name + "\", not by the vendor: do not run "
                    + "it; download the tool again from the vendor");
        }
        Optional<String> distrust = trust.distrust(exe);
        if (distrust.isPresent()) {
            throw new IOException(exe.getFileName() + " names \"" + name + "\" but Windows does not trust it: "
                    + distrust.get() + ". Do not run it; download the tool again from the vendor");
        }
        if (registeredToVendor(signer.get())) {
            return new Checked(exe, name); // Windows trusts the chain and the EV subject is the vendor's own registration
        }
        java.util.List<Authenticode.SignerInfo> chain = Authenticode.signerChain(exe);
        String issuer = chain.size() > 1 ? chain.get(1).commonName() : signer.get().issuerCommonName();
        if (chain.size() < 2 || !issuers.contains(issuer)) {
            throw new IOException(exe.getFileName() + "'s certificate was issued by \"" + issuer + "\", not by a "
                    + "certificate authority Riddance knows to issue the vendor's certificates. Do not run it; check "
                    + "its Digital Signatures tab and download the tool again from the vendor");
        }
        return new Checked(exe, name);
    }

    /** The signer's EV subject names Kaspersky's registration number in Russia. */
    static boolean registeredToVendor(Authenticode.SignerInfo signer) {
        return VENDOR_REGISTRATION.equals(signer.registrationNumber().strip())
                && VENDOR_JURISDICTION.equalsIgnoreCase(signer.jurisdictionCountry().strip());
    }

    public static Command command(Checked tool) {
        return Command.of(tool.exe().toString()).timeout(TIMEOUT).build();
    }

    /** What the technician says the tool reported; the rescan after it decides {@code removal.outcome}. */
    public static void recordReport(RemovalLog log, String id, Checked tool, boolean reportedRemoved, int exitCode)
            throws IOException {
        log.record(new KavremoverRan(id, tool.exe().getFileName().toString(), tool.signer(), exitCode,
                reportedRemoved ? "removed" : "not-removed"));
    }
}
