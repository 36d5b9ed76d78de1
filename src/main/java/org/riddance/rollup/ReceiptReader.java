package org.riddance.rollup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riddance.receipt.ReceiptCheck;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.receipt.ReceiptPayload;
import org.riddance.receipt.ReceiptSummary;
import org.riddance.receipt.ReceiptVerifier;
import org.riddance.receipt.SignedReceipt;
import org.riddance.receipt.TrustedKeys;
import org.riddance.receipt.Verdict;

/**
 * Reads one receipt file the way {@code riddance verify} does (a PDF by its QR code and printed page), and turns the
 * verdict and the payload into a row. A payload that fails verification is still read for its host and id, so the
 * row says which PC's receipt was tampered with; those fields are then the receipt's claim, not a fact.
 */
final class ReceiptReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A row, and the SHA-256 of the receipt's signed canonical bytes, to count a PDF and its JSON once. */
    record Read(RollupEntry entry, String receiptSha256) {
    }

    private final TrustedKeys trusted;

    ReceiptReader(TrustedKeys trusted) {
        this.trusted = trusted;
    }

    Read json(String name, Path file) {
        SignedReceipt receipt;
        try {
            receipt = SignedReceipt.read(file);
        } catch (IOException | RuntimeException e) {
            return new Read(RollupEntry.unreadable(name, hashQuietly(file), String.valueOf(e.getMessage())), "");
        }
        String sha = ReceiptIssuer.sha256(receipt.payload());
        return new Read(entry(name, sha, ReceiptVerifier.verify(receipt, trusted), receipt.payload()), sha);
    }

    Read pdf(String name, Path file) {
        String sha = hashQuietly(file);
        ReceiptCheck.Result checked = ReceiptCheck.file(file, trusted);
        if (checked.receipt().isEmpty()) {
            return new Read(RollupEntry.unreadable(name, sha, checked.verdict().detail()), "");
        }
        byte[] payload = checked.receipt().get().payload();
        Map<String, Object> parsed = parse(payload).orElse(Map.of());
        // a summary code names the whole receipt by its hash; a full code is the receipt itself
        String signed = ReceiptSummary.isSummary(parsed) ? String.valueOf(parsed.get("receipt")) : ReceiptIssuer.sha256(payload);
        return new Read(entry(name, sha, checked.verdict(), payload), signed);
    }

    private static RollupEntry entry(String name, String sha, Verdict verdict, byte[] payload) {
        Map<String, Object> receipt = parse(payload).orElse(Map.of());
        Validity validity = validity(verdict);
        String detail = verdict.reason() == Verdict.Reason.UNKNOWN_KEY ? "signed by an unknown key " + verdict.keyFingerprint()
                : verdict.detail();
        boolean isReceipt = ReceiptPayload.FORMAT.equals(receipt.get("format")) || ReceiptSummary.isSummary(receipt);
        if (validity == Validity.VALID && !isReceipt) {
            return RollupEntry.unreadable(name, sha, "signed, but not a Riddance receipt (format " + receipt.get("format") + ")");
        }
        return new RollupEntry(name, text(member(receipt, "machine"), "host"), text(receipt, "id"), sha, validity,
                text(receipt, "result"), text(member(receipt, "tech"), "name"), text(receipt, "end"), removed(receipt),
                detail, false);
    }

    static Validity validity(Verdict verdict) {
        return switch (verdict.reason()) {
            case VALID -> Validity.VALID;
            case UNKNOWN_KEY -> Validity.UNKNOWN_KEY;
            case UNREADABLE -> Validity.UNREADABLE;
            case CHANGED_CONTENT, BAD_SIGNATURE, PRINT_MISMATCH, SWAPPED_QR -> Validity.TAMPERED;
        };
    }

    /** Products removed or cleaned: from the products list, or from a summary's counts by outcome. */
    @SuppressWarnings("unchecked")
    private static int removed(Map<String, Object> receipt) {
        if (receipt.get("products") instanceof List<?> products) {
            return (int) products.stream().filter(p -> p instanceof Map<?, ?> m
                    && ("removed".equals(m.get("outcome")) || "cleaned".equals(m.get("outcome")))).count();
        }
        if (receipt.get("outcomes") instanceof Map<?, ?> outcomes) {
            return count(outcomes.get("removed")) + count(outcomes.get("cleaned"));
        }
        return -1;
    }

    private static int count(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static Map<String, Object> member(Map<String, Object> map, String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = map.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return inner;
    }

    private static String text(Map<String, Object> map, String name) {
        Object value = map.get(name);
        return value instanceof String s ? s : "";
    }

    static Optional<Map<String, Object>> parse(byte[] payload) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(payload, Map.class);
            return Optional.ofNullable(map);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The SHA-256 of a file's bytes, streamed (a PDF may be large); "" when it cannot be read. */
    static String hashQuietly(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), sha256())) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > MAX_HASHED_BYTES) {
                    return "";
                }
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** A file larger than this is not hashed: no receipt is near it, and a share may hold anything. */
    static final long MAX_HASHED_BYTES = 64L << 20;

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
