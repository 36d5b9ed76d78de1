package org.riddance.receipt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes sample receipts for looking at: {@code ReceiptPreview OUT_DIR}. Not a test. */
public final class ReceiptPreview {

    private ReceiptPreview() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/receipt-preview"));
        String qr = SampleReceipts.payload(2_000, 20261123L);
        ReceiptPdf.write(SampleReceipts.view(SampleReceipts.THREE_PRODUCTS, qr), out.resolve("receipt.pdf"));
        ReceiptPdf.write(SampleReceipts.view(ReceiptView.Outcome.FAIL, SampleReceipts.products(14),
                SampleReceipts.payload(2_300, 3L)), out.resolve("receipt-14-products.pdf"));
        ReceiptPdf.write(SampleReceipts.view(ReceiptView.Outcome.INCOMPLETE, List.of(), qr),
                out.resolve("receipt-empty.pdf"));
        ReceiptPdf.write(SampleReceipts.view(SampleReceipts.THREE_PRODUCTS, SampleReceipts.payload(120, 5L)),
                out.resolve("receipt-short-qr.pdf"));
    }
}
