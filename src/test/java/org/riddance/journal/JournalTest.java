package org.riddance.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.riddance.journal.entry.JournalEntries;
import org.riddance.journal.entry.JournalRepaired;
import org.riddance.journal.entry.SessionResumed;
import org.riddance.journal.entry.SessionStarted;
import org.riddance.journal.entry.StepCompleted;
import org.riddance.journal.entry.StepEntered;
import org.riddance.journal.entry.UnknownEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void eachRecordCarriesTheHashOfTheOneBefore(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (Journal journal = Journal.create(file, clock)) {
            journal.append(started("José Müller"));
            journal.append(new StepEntered("detect"));
            journal.append(new StepCompleted("detect"));
        }

        JournalContents contents = JournalContents.read(file);

        assertThat(contents.check().chainIntact()).isTrue();
        assertThat(contents.check().hasTornTail()).isFalse();
        List<JournalRecord> records = contents.records();
        assertThat(records).extracting(JournalRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(records.get(0).prev()).isEqualTo("0".repeat(64));
        assertThat(records.get(1).prev()).isEqualTo(records.get(0).hash());
        assertThat(records.get(2).prev()).isEqualTo(records.get(1).hash());
        assertThat(contents.headHash()).isEqualTo(records.get(2).hash());
        assertThat(records.get(0).as(SessionStarted.class).orElseThrow().technicianName()).isEqualTo("José Müller");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(JournalFormat.sha256(lines.get(2))).isEqualTo(contents.headHash());
    }

    @Test
    void anEditedRecordBreaksTheChainAndIsReported(@TempDir Path dir) throws IOException {
        Path file = threeRecords(dir);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace("detect", "remove"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        JournalCheck check = JournalContents.read(file).check();

        assertThat(check.chainIntact()).isFalse();
        assertThat(check.broken().get().line()).isEqualTo(3);
        assertThat(check.intactRecords()).isEqualTo(2);
        assertThatThrownBy(() -> Journal.openForAppend(file, clock))
                .isInstanceOf(JournalBrokenException.class)
                .hasMessageContaining("changed after it was written");
    }

    @Test
    void aRemovedRecordBreaksTheChain(@TempDir Path dir) throws IOException {
        Path file = threeRecords(dir);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.remove(1);
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThat(JournalContents.read(file).check().broken()).get()
                .extracting(JournalCheck.Break::line).isEqualTo(2);
    }

    @Test
    void aTornLastLineIsCutKeptAsEvidenceAndTheRepairRecorded(@TempDir Path dir) throws IOException {
        Path file = threeRecords(dir);
        String torn = "{\"seq\":4,\"time\":\"2026-11-23T10:00:00Z\",\"type\":\"rem";
        Files.writeString(file, torn, StandardOpenOption.APPEND);

        JournalContents before = JournalContents.read(file);
        assertThat(before.check().chainIntact()).isTrue();
        assertThat(before.check().tornTailBytes()).isEqualTo(torn.length());
        assertThat(before.records()).hasSize(3);

        try (Journal journal = Journal.openForAppend(file, clock)) {
            journal.append(new StepEntered("remove"));
        }

        JournalContents after = JournalContents.read(file);
        assertThat(after.check().chainIntact()).isTrue();
        assertThat(after.check().hasTornTail()).isFalse();
        assertThat(after.records()).extracting(JournalRecord::type)
                .containsExactly("session.started", "step.entered", "step.completed", JournalRepaired.TYPE, "step.entered");
        JournalRecord repair = after.records().get(3);
        JournalRepaired repaired = repair.as(JournalRepaired.class).orElseThrow();
        assertThat(repaired.tornBytes()).isEqualTo(torn.length());
        assertThat(Files.readString(dir.resolve(repaired.keptAs()))).isEqualTo(torn);
    }

    @Test
    void aSecondWriterIsRefused(@TempDir Path dir) throws IOException {
        Path file = threeRecords(dir);
        try (Journal first = Journal.openForAppend(file, clock)) {
            assertThatThrownBy(() -> Journal.openForAppend(file, clock))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("in use by another Riddance window");
            first.append(new StepEntered("backup"));
        }
    }

    @Test
    void aWriterKilledMidSessionLeavesAJournalThatReopens(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Process writer = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), JournalWriterProcess.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && (!Files.exists(file) || Files.size(file) < 20_000)) {
                Thread.sleep(20);
            }
        } finally {
            writer.destroyForcibly().waitFor();
        }

        JournalContents contents = JournalContents.read(file);
        assertThat(contents.check().chainIntact()).isTrue();
        assertThat(contents.records().size()).isGreaterThan(50);
        try (Journal journal = Journal.openForAppend(file, clock)) {
            journal.append(new SessionResumed("remove"));
        }
        assertThat(JournalContents.read(file).check().chainIntact()).isTrue();
    }

    /**
     * A whole demo run's journal (32 records of 14 kinds, {@code riddance --demo run --unattended} at f8b4ac7) as
     * Riddance wrote it with databind before the journal had its own reader and writer: it reads with its chain
     * intact, every record typed, and each record written again gives its line byte for byte.
     */
    @Test
    void aJournalWrittenByDatabindReadsAndIsWrittenAgainByteForByte() throws Exception {
        byte[] bytes;
        try (var in = JournalTest.class.getResourceAsStream("demo-run-written-by-databind.jsonl")) {
            bytes = in.readAllBytes();
        }
        JournalContents contents = JournalContents.parse(bytes);

        assertThat(contents.check().chainIntact()).isTrue();
        assertThat(contents.records()).hasSize(32).noneMatch(r -> r.entry() instanceof UnknownEntry);
        assertThat(contents.records().stream().map(JournalRecord::type).distinct()).hasSize(14);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        for (JournalRecord record : contents.records()) {
            String again = JournalFormat.line(record.seq(), record.time(), record.type(),
                    JournalEntries.data(record.entry()), record.prev());
            assertThat(again).isEqualTo(lines.get((int) record.seq() - 1));
        }
    }

    private Path threeRecords(Path dir) throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (Journal journal = Journal.create(file, clock)) {
            journal.append(started("Ana"));
            journal.append(new StepEntered("detect"));
            journal.append(new StepCompleted("detect"));
        }
        return file;
    }

    static SessionStarted started(String technician) {
        return new SessionStarted("20261204-000000-abcdef", "pc-1", "Debian 12", "1.0", technician, "", "Site", "", "",
                false, "");
    }
}
