package org.riddance.rollup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.receipt.SignedReceipt;
import org.riddance.receipt.SigningKey;

/**
 * Signs a roll-up and writes its files into the output folder: {@code <id>.rollup.json} (the canonical bytes),
 * {@code .rollup.sig} (64 raw bytes), {@code .rollup.pdf}, {@code .rollup.csv} and the signer's public key
 * {@code <id>.pub.pem} (for openssl; trust comes from the office's own copy, not this one). Each file is written
 * beside its name and renamed into place, so a crash or a full disk never leaves half a summary under the real name.
 */
public final class RollupIssuer {

    public static final String JSON = ".rollup.json";
    public static final String SIGNATURE = ".rollup.sig";
    public static final String PDF = ".rollup.pdf";
    public static final String CSV = ".rollup.csv";

    /** The written roll-up. */
    public record Issued(String id, SignedReceipt summary, RollupReport report, Path json, Path signature, Path pdf,
                         Path csv, Path publicKey) {
        public List<Path> files() {
            return List.of(json, signature, pdf, csv, publicKey);
        }
    }

    private RollupIssuer() {
    }

    public static Issued issue(RollupReport report, String site, SigningKey key, String appVersion, Path outDir,
                               Clock clock) throws IOException {
        Instant created = clock.instant();
        String id = RollupSummary.newId(created);
        Map<String, Object> payload = RollupSummary.payload(id, site, created, key.fingerprint(), appVersion, report);
        SignedReceipt summary = SignedReceipt.sign(payload, key);
        String sha = ReceiptIssuer.sha256(summary.payload());
        RollupPdf.Facts facts = new RollupPdf.Facts(id, site == null ? "" : site, String.valueOf(payload.get("created")),
                key.fingerprint(), appVersion, RollupCode.encode(summary, sha));
        Map<Path, byte[]> files = new LinkedHashMap<>();
        Path folder = Files.createDirectories(outDir.toAbsolutePath());
        files.put(folder.resolve(id + JSON), summary.payload());
        files.put(folder.resolve(id + SIGNATURE), summary.signature());
        files.put(folder.resolve(id + PDF), RollupPdf.render(facts, report));
        files.put(folder.resolve(id + CSV), RollupCsv.render(report));
        files.put(folder.resolve(id + ".pub.pem"), SigningKey.pem(key.publicKey()).getBytes(StandardCharsets.US_ASCII));
        writeAll(files);
        return new Issued(id, summary, report, folder.resolve(id + JSON), folder.resolve(id + SIGNATURE),
                folder.resolve(id + PDF), folder.resolve(id + CSV), folder.resolve(id + ".pub.pem"));
    }

    /** Every file to a {@code .part} sibling first, then each renamed into place; on failure no part is left. */
    private static void writeAll(Map<Path, byte[]> files) throws IOException {
        List<Path> parts = new ArrayList<>();
        try {
            for (Map.Entry<Path, byte[]> file : files.entrySet()) {
                Path part = file.getKey().resolveSibling(file.getKey().getFileName() + ".part");
                parts.add(part);
                Files.write(part, file.getValue(), java.nio.file.StandardOpenOption.CREATE_NEW); // never through a planted link
            }
            int i = 0;
            for (Path target : files.keySet()) {
                Files.move(parts.get(i++), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }
}
