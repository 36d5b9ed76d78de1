package org.riddance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {

    @TempDir
    Path dir;

    @Test
    void writesOneLinePerEventAndTheStackTraceOfAFailure() throws IOException {
        LoggerContext context = freshContext();
        LogSetup.writeTo(context, dir.toString());
        context.getLogger("org.riddance.engine.Remediation").info("Scan found {} products", 2);
        context.getLogger("org.riddance.engine.Remediation").debug("not written: below INFO");
        context.getLogger("short").warn("Back-up failed", new IOException("No space left on device"));
        context.stop();

        List<String> lines = Files.readAllLines(dir.resolve("riddance.log"));
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  "
                + "\\[[^]]+] o\\.riddance\\.engine\\.Remediation - Scan found 2 products");
        assertThat(lines.get(1)).endsWith(" WARN  [" + Thread.currentThread().getName() + "] short - Back-up failed");
        assertThat(lines.get(2)).isEqualTo("java.io.IOException: No space left on device");
        assertThat(lines.get(3)).startsWith("\tat org.riddance.engine.LogSetupTest.");
        assertThat(String.join("\n", lines)).doesNotContain("below INFO");
    }

    @Test
    void aLogThatCannotBeWrittenIsReportedOnceAndTheWorkGoesOn() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("logs"), "a file where the log folder should be");
        LoggerContext context = freshContext();
        LogSetup.writeTo(context, notAFolder.toString());
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            context.getLogger("x").info("first");
            context.getLogger("x").info("second");
        } finally {
            System.setErr(stderr);
            context.stop();
        }
        assertThat(said.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
                .singleElement().asString().contains("cannot be written").contains("going on without it");
        assertThat(notAFolder).hasContent("a file where the log folder should be");
    }

    @Test
    void timestampsAreIso8601WithTheZonesOffsetAtThatInstant() {
        long summer = 1_780_000_000_123L; // 2026-05-28T20:26:40.123Z
        assertThat(stamp(summer, "UTC")).isEqualTo("2026-05-28T20:26:40.123Z");
        assertThat(stamp(summer, "Europe/Berlin")).isEqualTo("2026-05-28T22:26:40.123+02:00");
        assertThat(stamp(summer - 123 + 7, "America/St_Johns")).isEqualTo("2026-05-28T17:56:40.007-02:30");
        assertThat(stamp(1_796_000_000_000L, "Europe/Berlin")).isEqualTo("2026-11-30T01:53:20.000+01:00");
    }

    @Test
    void longLoggerNamesLoseTheirLeadingPackagesFirst() {
        assertThat(LogLine.shortLogger("org.riddance.engine.Remediation")).isEqualTo("o.riddance.engine.Remediation");
        assertThat(LogLine.shortLogger("org.riddance.detect.LeftoverFolderScanner")).isEqualTo("o.r.d.LeftoverFolderScanner");
        assertThat(LogLine.shortLogger("Remediation")).isEqualTo("Remediation");
    }

    @Test
    void aFullLogIsSetAsideAndTheOldestDropped() throws IOException {
        Path log = dir.resolve("riddance.log");
        Files.write(log, new byte[(int) LogSetup.FULL]);
        for (int n = 1; n <= LogSetup.KEPT; n++) {
            Files.writeString(LogSetup.older(log, n), "run " + n);
        }
        LogSetup.setAsideWhenFull(log);

        assertThat(log).doesNotExist();
        assertThat(Files.size(LogSetup.older(log, 1))).isEqualTo(LogSetup.FULL);
        assertThat(LogSetup.older(log, 2)).hasContent("run 1");
        assertThat(LogSetup.older(log, LogSetup.KEPT)).hasContent("run " + (LogSetup.KEPT - 1));
        assertThat(dir.resolve("riddance." + (LogSetup.KEPT + 1) + ".log")).doesNotExist();
    }

    @Test
    void aLogBelowTheLimitIsAppendedTo() throws IOException {
        Path log = dir.resolve("riddance.log");
        Files.writeString(log, "earlier run\n");
        LogSetup.setAsideWhenFull(log);
        LoggerContext context = freshContext();
        LogSetup.writeTo(context, dir.toString());
        context.getLogger("x").info("this run");
        context.stop();
        assertThat(Files.readAllLines(log)).hasSize(2).first().isEqualTo("earlier run");
        assertThat(LogSetup.older(log, 1)).doesNotExist();
    }

    /** A Logback context as {@code LoggerFactory} makes one, apart from the tests' own logging. */
    private static LoggerContext freshContext() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    private static String stamp(long millis, String zone) {
        StringBuilder out = new StringBuilder();
        LogLine.timestamp(out, millis, ZoneId.of(zone));
        return out.toString();
    }
}
