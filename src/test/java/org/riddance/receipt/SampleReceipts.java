package org.riddance.receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.riddance.receipt.ReceiptView.Outcome;
import org.riddance.receipt.ReceiptView.ProductLine;

/** Realistic receipts for the tests: what a finished job on a small practice's PC prints. */
final class SampleReceipts {

    static final String RECEIPT_ID = "RDR-2026-11-23-7F3K9Q";
    static final String FINGERPRINT = "3f2a9bc10d4e77aa51c3e0f2b8d96a4c7e1f0b2d3c4a5968778695a4b3c2d1e0";

    static final List<ProductLine> THREE_PRODUCTS = List.of(
            new ProductLine("Kaspersky Endpoint Security for Windows", "12.3.0.493", "Endpoint protection",
                    "Removed"),
            new ProductLine("Kaspersky Security Center 14.2 Network Agent (Лаборатория Касперского)",
                    "14.0.0.10902", "Management agent", "Removed"),
            new ProductLine("Kaspersky VPN Secure Connection", "21.14.4.470", "VPN", "Removed after reboot"));

    private SampleReceipts() {
    }

    static ReceiptView view(List<ProductLine> products, String qrText) {
        return view(Outcome.PASS, products, qrText);
    }

    static ReceiptView view(Outcome result, List<ProductLine> products, String qrText) {
        return new ReceiptView(RECEIPT_ID, result,
                "All banned products removed; replacement antivirus verified",
                "RECEPTION-PC", "Windows 11 Pro 23H2 (build 22631.4460)", "PF3K2L9X",
                "José Müller", "T-0042", "Zürich Praxis Dr. Ångström", "INC-20481",
                "2026-11-23 14:02 UTC", "2026-11-23 14:47 UTC",
                products,
                "riddance-backup-RECEPTION-PC-20261123-1402.zip, 14.2 MB, SHA-256 3f2a9bc10d4e77aa51c3e0f2b8d96a4c",
                "Microsoft Defender: on, real-time on, definitions 0 days old, EICAR blocked",
                List.of("US DHS BOD 17-01 (2017-09-13)", "US NDAA FY2018 §1634", "US Commerce Final Determination "
                        + "(2024-06-20)", "BSI warning (2022-03-15)"),
                "2026.11.23, sha256 95a8c1e4", "0.1.0", FINGERPRINT, qrText,
                List.of("Verify: riddance verify " + RECEIPT_ID + ".json, or scan this code with riddance verify --scan.",
                        "Compare the fingerprint below with the one on riddance.example/keys."));
    }

    /** A code like the real one: the prefix, then Base45 of signed, deflated JSON (here random bytes). */
    static String payload(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return ("RDR2:" + Base45.encode(bytes)).substring(0, length);
    }

    /** The longest code the page prints: {@link PaperCode#MAX_MODULES} modules. */
    static String largestPaperCode(long seed) {
        int length = 400;
        while (PaperCode.fits(payload(length + 10, seed))) {
            length += 10;
        }
        return payload(length, seed);
    }

    /** Real Kaspersky product names, as many as asked for (numbered once the list runs out). */
    static List<ProductLine> products(int count) {
        List<String> names = List.of("Kaspersky Anti-Virus", "Kaspersky Internet Security", "Kaspersky Total Security",
                "Kaspersky Security Cloud", "Kaspersky Password Manager", "Kaspersky Secure Connection",
                "Kaspersky Safe Kids", "Kaspersky Endpoint Security for Windows",
                "Kaspersky Security Center Network Agent", "Kaspersky Small Office Security", "Kaspersky Premium",
                "Kaspersky Virus Removal Tool");
        List<ProductLine> products = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = names.get(i % names.size()) + (i < names.size() ? "" : " (" + (i + 1) + ")");
            products.add(new ProductLine(name, "21.3." + (i + 1), "Consumer suite", "Removed"));
        }
        return products;
    }
}
