package org.riddance.rollup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.riddance.receipt.ReceiptPayload;
import org.riddance.receipt.SignedReceipt;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;

/**
 * Makes a folder of signed receipts for the roll-up benchmark ({@code src/bench/rollup.sh}) and tests: a fresh key in
 * {@code OUT/keys} (passphrase from {@code RIDDANCE_PASSPHRASE}), and {@code N} receipts in {@code OUT/receipts}, shaped
 * like the unattended run's (real payload fields, two or three Kaspersky products, most PASS, some FAIL or
 * INCOMPLETE, every fiftieth PC visited twice). Nothing is fetched; the key is made here and never committed.
 *
 * <p>Usage: {@code ReceiptBatch OUT N}
 */
public final class ReceiptBatch {

    private static final List<ReceiptPayload.ProductOutcome> PRODUCTS = List.of(
            new ReceiptPayload.ProductOutcome("kes-win", "Kaspersky Endpoint Security for Windows", "12.3.0.493", "removed"),
            new ReceiptPayload.ProductOutcome("ksc-agent", "Kaspersky Security Center Network Agent", "14.0.0.10902", "removed"),
            new ReceiptPayload.ProductOutcome("kvpn", "Kaspersky VPN Secure Connection", "21.14.4.470", "removed"));

    private ReceiptBatch() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String passphrase = System.getenv().getOrDefault("RIDDANCE_PASSPHRASE", "bench passphrase");
        SigningKey key = TechnicianKeystore.create(out.resolve("keys"), passphrase.toCharArray(), "Bench Technician",
                Clock.systemUTC());
        write(out.resolve("receipts"), count, key, new Random(17));
        System.out.println("Wrote " + count + " receipts to " + out.resolve("receipts"));
    }

    /** {@code count} receipts signed by {@code key} into {@code folder}; returns their ids. */
    static List<String> write(Path folder, int count, SigningKey key, Random random) throws Exception {
        Files.createDirectories(folder);
        List<String> ids = new ArrayList<>();
        Instant base = Instant.parse("2026-11-02T08:00:00Z");
        for (int i = 0; i < count; i++) {
            int pc = i % 50 == 49 ? i - 1 : i; // every fiftieth receipt is a second visit to the PC before it
            Instant start = base.plus(Duration.ofMinutes(37L * i));
            int roll = random.nextInt(100);
            String result = roll < 90 ? "pass" : roll < 96 ? "fail" : "incomplete";
            List<ReceiptPayload.ProductOutcome> products = new ArrayList<>(PRODUCTS.subList(0, 2 + random.nextInt(2)));
            if (result.equals("fail")) {
                ReceiptPayload.ProductOutcome first = products.get(0);
                products.set(0, new ReceiptPayload.ProductOutcome(first.id(), first.name(), first.version(), "failed"));
            }
            String id = String.format("R-20261102-%06d-%04x", i, random.nextInt(1 << 16));
            ReceiptPayload payload = new ReceiptPayload(id,
                    new ReceiptPayload.Machine(String.format("PC-%04d", pc + 1), "Windows 11 Pro 23H2", "SN" + (100000 + pc)),
                    new ReceiptPayload.Technician("Bench Technician", "T-" + (i % 7)), "Bench Office", "INC-" + (4000 + i),
                    start, start.plus(Duration.ofMinutes(20 + random.nextInt(40))), result, products,
                    result.equals("incomplete") ? ReceiptPayload.Backup.notMade() : ReceiptPayload.Backup.archive(hex(random), 14_200_000),
                    result.equals("incomplete") ? ReceiptPayload.Antivirus.notChecked()
                            : new ReceiptPayload.Antivirus("Microsoft Defender", "on", 0, "blocked"),
                    "2026.11.01", hex(random), hex(random), hex(random), "0.1.0", key.fingerprint());
            SignedReceipt.sign(payload.toMap(), key).writeTo(folder, id);
            ids.add(id);
        }
        return ids;
    }

    private static String hex(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
