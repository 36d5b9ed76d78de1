package org.riddance.receipt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;

/**
 * Figures for the README: signing plus verifying one receipt (canonical JSON and Ed25519), and rendering its PDF.
 * The first of each pays for class loading and JIT and is reported on its own: a technician signs once per PC.
 * Run by {@code src/bench/receipt.sh}.
 */
public final class ReceiptBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path dir = Files.createTempDirectory("riddance-receipt-bench");
        SigningKey key = TechnicianKeystore.create(dir, "correct horse".toCharArray(), "Bench", Clock.systemUTC());
        TrustedKeys trusted = TrustedKeys.of(key.publicKey());
        ReceiptPayload payload = ReceiptSigningTest.payload(key.fingerprint());
        Map<String, Object> map = payload.toMap();
        Catalog catalog = CatalogLoader.builtIn();

        List<Double> signVerify = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            SignedReceipt receipt = SignedReceipt.sign(map, key);
            if (!ReceiptVerifier.verify(receipt, trusted).valid()) {
                throw new IllegalStateException("a fresh receipt did not verify");
            }
            signVerify.add((System.nanoTime() - start) / 1e6);
        }
        report("sign + verify", signVerify, "%.2f");

        SignedReceipt receipt = SignedReceipt.sign(map, key);
        String qrText = QrPayload.encode(receipt, key.fingerprint());
        List<Double> pdf = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < Math.min(runs, 20); i++) {
            long start = System.nanoTime();
            size = ReceiptPdf.render(ReceiptDocument.view(payload, catalog, qrText)).length;
            pdf.add((System.nanoTime() - start) / 1e6);
        }
        report("PDF render", pdf, "%.0f");
        System.out.printf("payload %,d bytes, QR text %,d characters, PDF %,d bytes%n", receipt.payload().length,
                qrText.length(), size);
    }

    private static void report(String what, List<Double> times, String format) {
        List<Double> warm = new ArrayList<>(times.subList(1, times.size()));
        Collections.sort(warm);
        System.out.printf("%s: first (cold JVM) " + format + " ms, then median " + format + " ms, max " + format
                + " ms over %d runs%n", what, times.get(0), warm.get(warm.size() / 2), warm.get(warm.size() - 1), warm.size());
    }
}
