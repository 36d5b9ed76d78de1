package org.riddance.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import org.riddance.journal.entry.JournalEntries;
import org.riddance.journal.entry.JournalEntry;
import org.riddance.journal.entry.JournalRepaired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's append-only record of what was done, one JSON line a record, each carrying the SHA-256 of
 * the line before it. Every append is forced to disk before it returns, because after a power cut the
 * journal is how Riddance knows which uninstallers already ran.
 */
public final class Journal implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Clock clock;
    private long seq;
    private String head;

    private Journal(Path file, FileChannel channel, FileLock lock, Clock clock, long seq, String head) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.clock = clock;
        this.seq = seq;
        this.head = head;
    }

    /** Starts a new, empty journal; fails if the file exists. */
    public static Journal create(Path file, Clock clock) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        FileLock lock = lockOrClose(channel, file);
        forceDirectory(file.getParent());
        return new Journal(file, channel, lock, clock, 0, JournalFormat.GENESIS);
    }

    /**
     * Opens an existing journal to go on writing. A torn last line is cut off, kept beside the journal as
     * evidence, and the repair is recorded. A broken chain is refused: such a journal is kept as it is.
     */
    public static Journal openForAppend(Path file, Clock clock) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = lockOrClose(channel, file);
        try {
            JournalContents contents = JournalContents.read(file);
            if (!contents.check().chainIntact()) {
                throw new JournalBrokenException(file, contents.check().broken().get());
            }
            Journal journal = new Journal(file, channel, lock, clock, contents.records().size(), contents.headHash());
            if (contents.check().hasTornTail()) {
                journal.cutTornTail(contents.intactLength());
            }
            channel.position(channel.size());
            return journal;
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    public synchronized JournalRecord append(JournalEntry entry) throws IOException {
        if (!channel.isOpen()) {
            throw new IOException("The journal is closed");
        }
        String line = JournalFormat.line(seq + 1, clock.instant(), entry.type(), JournalEntries.data(entry), head);
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(true);
        JournalRecord record = JournalFormat.parse(line);
        seq = record.seq();
        head = record.hash();
        return record;
    }


    public synchronized String headHash() {
        return head;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel.isOpen()) {
            lock.release();
            channel.close();
        }
    }

    private void cutTornTail(long intactLength) throws IOException {
        long size = channel.size();
        ByteBuffer tail = ByteBuffer.allocate((int) (size - intactLength));
        channel.read(tail, intactLength);
        Path saved = file.resolveSibling(file.getFileName() + ".torn-" + clock.millis());
        Files.write(saved, Arrays.copyOf(tail.array(), tail.position()), StandardOpenOption.CREATE_NEW);
        channel.truncate(intactLength);
        channel.force(true);
        LOG.warn("Journal {} ended in a torn line of {} bytes (power loss or crash); kept as {}", file,
                tail.position(), saved.getFileName());
        channel.position(intactLength);
        append(new JournalRepaired(tail.position(), saved.getFileName().toString()));
    }

    private static FileLock lockOrClose(FileChannel channel, Path file) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM: the same answer as another process holding it
        }
        channel.close();
        throw new IOException("The session journal " + file + " is in use by another Riddance window");
    }

    /** So the new file's directory entry survives a power cut too; not every OS allows it, hence best effort. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot fsync directory {}: {}", dir, e.toString());
        }
    }
}
