package org.riddance.journal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.riddance.journal.entry.JournalEntry;

/** A journal file read and checked: the intact records, where the chain breaks, and any torn tail. */
public record JournalContents(List<JournalRecord> records, JournalCheck check, long intactLength) {

    /** Reads and checks a journal without changing it. */
    public static JournalContents read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /** Checks journal bytes already read, e.g. the copy that goes into a receipt's evidence bundle. */
    public static JournalContents parse(byte[] bytes) {
        int lastNewline = lastIndexOf(bytes, (byte) '\n');
        int completeLength = lastNewline + 1;
        int torn = bytes.length - completeLength;

        List<JournalRecord> records = new ArrayList<>();
        Optional<JournalCheck.Break> broken = Optional.empty();
        String expectedPrev = JournalFormat.GENESIS;
        int start = 0;
        int lineNo = 0;
        while (start < completeLength) {
            int end = indexOf(bytes, (byte) '\n', start);
            lineNo++;
            String line;
            try {
                line = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                broken = Optional.of(new JournalCheck.Break(lineNo, "not UTF-8 text"));
                break;
            }
            start = end + 1;
            JournalRecord record;
            try {
                record = JournalFormat.parse(line);
            } catch (IllegalArgumentException e) {
                broken = Optional.of(new JournalCheck.Break(lineNo, e.getMessage()));
                break;
            }
            if (!record.prev().equals(expectedPrev)) {
                broken = Optional.of(new JournalCheck.Break(lineNo,
                        "does not follow the record before it (that record was changed, or records were removed or inserted)"));
                break;
            }
            if (record.seq() != records.size() + 1L) {
                broken = Optional.of(new JournalCheck.Break(lineNo, "sequence " + record.seq() + " where "
                        + (records.size() + 1) + " was expected"));
                break;
            }
            records.add(record);
            expectedPrev = record.hash();
        }
        return new JournalContents(List.copyOf(records),
                new JournalCheck(records.size(), broken, torn), completeLength);
    }

    /** SHA-256 of the last intact record: what the receipt binds the whole journal by. */
    public String headHash() {
        return records.isEmpty() ? JournalFormat.GENESIS : records.get(records.size() - 1).hash();
    }

    /** The newest entry of this kind. */
    public <T extends JournalEntry> Optional<T> last(Class<T> kind) {
        return lastRecord(kind).map(r -> kind.cast(r.entry()));
    }

    /** The newest record holding an entry of this kind (for its time and sequence number). */
    public Optional<JournalRecord> lastRecord(Class<? extends JournalEntry> kind) {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (kind.isInstance(records.get(i).entry())) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<JournalRecord> firstRecord(Class<? extends JournalEntry> kind) {
        return records.stream().filter(r -> kind.isInstance(r.entry())).findFirst();
    }

    /** Every entry of this kind, oldest first. */
    public <T extends JournalEntry> List<T> all(Class<T> kind) {
        return records.stream().map(JournalRecord::entry).filter(kind::isInstance).map(kind::cast).toList();
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }
}
