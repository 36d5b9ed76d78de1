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

    /** @throws IOException with what is wrong with the file and what to do instead */
    public static Checked check(Path exe, Catalog catalog, String vendorId) throws IOException {
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
        return new Checked(exe, name);
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
