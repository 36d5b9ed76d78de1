package org.riddance.receipt;

import java.nio.file.Files;
import java.nio.file.Path;

/** Issues sample receipts for looking at: {@code ReceiptPreview OUT_DIR}. Not a test. */
public final class ReceiptPreview {

    private ReceiptPreview() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/receipt-preview"));
        Path work = Files.createTempDirectory("receipt-preview");
        SigningKey key = IssuedSamples.key(work.resolve("keys"));
        copy(IssuedSamples.issue(work.resolve("a"), key, IssuedSamples.Session.passing(3)), out, "pass-3");
        copy(IssuedSamples.issue(work.resolve("b"), key, IssuedSamples.Session.passing(12)), out, "pass-12");
        copy(IssuedSamples.issue(work.resolve("c"), key, new IssuedSamples.Session(4, "Kaspersky Total Security", false,
                "", true)), out, "fail-demo");
        copy(IssuedSamples.issue(work.resolve("d"), key, new IssuedSamples.Session(200, "", true,
                "The customer keeps no data on this PC. ".repeat(52), false)), out, "pass-200-waived");
        copy(IssuedSamples.issue(work.resolve("e"), key, IssuedSamples.Session.passing(0)), out, "pass-0");
        copy(IssuedSamples.issue(work.resolve("f"), key, new IssuedSamples.Session(3, "", true,
                ("No back-up: the customer's files are on the practice server, which is backed up nightly; the disk "
                        + "of this PC reports reallocated sectors, and copying Kaspersky's quarantine could spread what "
                        + "it holds. ").repeat(20) + "Agreed with the practice manager by phone.", false)),
                out, "pass-3-waived-long");
    }

    private static void copy(ReceiptIssuer.Issued issued, Path out, String name) throws Exception {
        Files.copy(issued.pdf(), out.resolve(name + ".pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println(name + ": " + issued.qrText().length() + " chars, " + QrCodes.modules(issued.qrText()) + " modules");
    }
}
