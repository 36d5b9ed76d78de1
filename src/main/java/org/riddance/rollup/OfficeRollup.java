package org.riddance.rollup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.riddance.receipt.TrustedKeys;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Rolls up a folder of receipts: reads and verifies every receipt file under it ({@link ReceiptFolder}), names each
 * (valid PASS, FAIL, INCOMPLETE, tampered, unknown key, unreadable), keeps the latest valid receipt of a PC that
 * appears twice and lists the older one as superseded, and adds a row for each PC the inventory expected and no
 * receipt names. Nothing found is dropped: a file that cannot be read is a row with the reason.
 *
 * <p>For a screen: {@code onEntry} receives each row as its file is read, in file order and on the calling thread, so
 * a table can fill in; the returned report is the final word (duplicates and missing PCs are only known at the end).
 * Files are verified on every core; cancelling stops between two files.
 */
public final class OfficeRollup {

    private final TrustedKeys trusted;
    private final Inventory inventory;

    public OfficeRollup(TrustedKeys trusted, Inventory inventory) {
        this.trusted = trusted;
        this.inventory = inventory;
    }

    /**
     * @param skip  a folder not to read (the roll-up's output folder, when it lies inside {@code folder})
     * @throws IOException when {@code folder} itself cannot be listed
     * @throws Cancellation.CancelledException when cancelled between two files
     */
    public RollupReport read(Path folder, Optional<Path> skip, Progress progress, Cancellation cancellation,
                             Consumer<RollupEntry> onEntry) throws IOException {
        progress.update(0, -1, "Looking for receipts in " + folder);
        List<ReceiptFolder.Found> found = ReceiptFolder.list(folder, skip);
        ReceiptReader reader = new ReceiptReader(trusted);
        List<RollupEntry> entries = new ArrayList<>(found.size());
        Set<String> signedRead = new HashSet<>();
        // JSON first: a PDF elsewhere that holds a receipt already read is the same receipt, counted once
        List<ReceiptFolder.Found> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparing((ReceiptFolder.Found f) -> f.kind() == ReceiptFolder.Kind.PDF));
        // verifying is the cost (Ed25519, a PDF's QR code): files are read on every core, the rows taken in order
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                daemon());
        try {
            List<Future<Optional<ReceiptReader.Read>>> reads = new ArrayList<>(ordered.size());
            for (ReceiptFolder.Found file : ordered) {
                reads.add(readers.submit(() -> cancellation.isCancelled() ? Optional.empty() : Optional.of(read(reader, file))));
            }
            for (int i = 0; i < ordered.size(); i++) {
                cancellation.throwIfCancelled();
                progress.update(i, ordered.size(), "Reading " + ordered.get(i).name());
                Optional<RollupEntry> entry = once(result(reads.get(i)).orElseThrow(Cancellation.CancelledException::new),
                        signedRead);
                if (entry.isPresent()) {
                    entries.add(entry.get());
                    onEntry.accept(entry.get());
                }
            }
        } finally {
            readers.shutdownNow();
        }
        progress.update(ordered.size(), ordered.size(), "Read " + ordered.size() + " files");
        List<RollupEntry> rows = supersedeOlder(entries);
        rows.addAll(missing(rows));
        rows.sort(Comparator.comparing((RollupEntry e) -> e.host().toLowerCase(Locale.ROOT)).thenComparing(RollupEntry::file));
        return new RollupReport(rows, inventory.size());
    }

    private static ReceiptReader.Read read(ReceiptReader reader, ReceiptFolder.Found file) {
        return switch (file.kind()) {
            case PROBLEM -> new ReceiptReader.Read(RollupEntry.unreadable(file.name(), "", file.problem()), "");
            case JSON -> reader.json(file.name(), file.file());
            case PDF -> reader.pdf(file.name(), file.file());
        };
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancellation.CancelledException();
        } catch (ExecutionException e) {
            // the reader turns every failure into a row; anything else is a bug, not a bad file
            throw new IllegalStateException("reading a receipt failed: " + e.getCause(), e.getCause());
        }
    }

    private static ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "rollup-reader");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Optional<RollupEntry> once(ReceiptReader.Read read, Set<String> signedRead) {
        boolean signed = !read.receiptSha256().isEmpty();
        if (signed && !signedRead.add(read.receiptSha256())) {
            return Optional.empty();
        }
        return Optional.of(read.entry());
    }

    /**
     * A PC with several valid receipts (worked on twice): the latest by end time counts, the others are listed as
     * superseded. Only valid receipts take part: a tampered or unknown-key file proves nothing about when, so it can
     * neither hide nor be hidden by another.
     */
    static List<RollupEntry> supersedeOlder(List<RollupEntry> entries) {
        Map<String, RollupEntry> latest = new HashMap<>();
        for (RollupEntry e : entries) {
            if (e.validity() == Validity.VALID && !e.host().isEmpty()) {
                latest.merge(e.host().toLowerCase(Locale.ROOT), e, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
            }
        }
        List<RollupEntry> rows = new ArrayList<>(entries.size());
        for (RollupEntry e : entries) {
            RollupEntry winner = e.validity() == Validity.VALID ? latest.get(e.host().toLowerCase(Locale.ROOT)) : null;
            rows.add(winner == null || winner == e ? e : e.asSuperseded(winner.receiptId()));
        }
        return rows;
    }

    /** Later end time first; equal times (two copies) decided by receipt id, then file, so the answer is stable. */
    private static final Comparator<RollupEntry> LATEST = Comparator.comparing((RollupEntry e) -> instant(e.time()))
            .thenComparing(RollupEntry::receiptId).thenComparing(Comparator.comparing(RollupEntry::file).reversed());

    private static Instant instant(String time) {
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private List<RollupEntry> missing(List<RollupEntry> rows) {
        Set<String> named = new HashSet<>();
        rows.stream().filter(e -> !e.host().isEmpty()).forEach(e -> named.add(e.host().toLowerCase(Locale.ROOT)));
        return inventory.hosts().stream().filter(h -> !named.contains(h.toLowerCase(Locale.ROOT)))
                .map(RollupEntry::missing).toList();
    }
}
