package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.work.Cancellation;
import org.slf4j.LoggerFactory;

class SystemProcessRunnerTest {

    private final SystemProcessRunner runner = new SystemProcessRunner(Duration.ofMillis(700));

    @Test
    void argumentsWithSpacesQuotesAndShellCharactersArriveIntact() throws Exception {
        List<String> tricky = List.of("two words", "say \"hi\"", "it's", "$HOME", "*", "; echo pwned",
                "`id`", "$(id)", "back\\slash", "José Müller", "");
        ProcessResult result = runner.run(Command.of("printf", "%s|\\n").args(tricky).build());

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout().lines().toList())
                .containsExactlyElementsOf(tricky.stream().map(s -> s + "|").toList());
    }

    @Test
    void aChildThatIgnoresTerminateIsKilledWithItsWholeTreeAtTheTimeLimit(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        Command stubborn = javaCommand(StubbornProcess.class, pids.toString(), "with-child")
                .timeout(Duration.ofSeconds(4)).build();

        ProcessResult result = runner.run(stubborn);

        assertThat(result.ending()).isEqualTo(ProcessResult.Ending.TIMED_OUT);
        List<Long> started = Files.readAllLines(pids).stream().map(Long::parseLong).toList();
        assertThat(started).as("parent and child both started before the time limit").hasSize(2);
        for (long pid : started) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            handle.ifPresent(h -> h.onExit().join());
            assertThat(handle.map(ProcessHandle::isAlive).orElse(false)).as("pid %d still alive", pid).isFalse();
        }
    }

    @Test
    void cancellationStopsTheProgramPromptly() throws Exception {
        Cancellation cancellation = new Cancellation();
        Thread canceller = new Thread(() -> {
            sleep(300);
            cancellation.cancel();
        });
        canceller.start();
        long start = System.nanoTime();

        ProcessResult result = runner.run(Command.of("sleep", "30").build(), cancellation);

        assertThat(result.ending()).isEqualTo(ProcessResult.Ending.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void secretsAreMaskedInTheDescriptionTheOutputAndTheLog() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(SystemProcessRunner.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            Command command = Command.of("echo", "msiexec", "/x", "{GUID}")
                    .secretArg("KLPASSWD=hunter2-Secret", "hunter2-Secret").build();

            ProcessResult result = runner.run(command);

            assertThat(command.describe()).contains("KLPASSWD=*****").doesNotContain("hunter2");
            assertThat(result.stdout()).contains("KLPASSWD=*****").doesNotContain("hunter2");
            assertThat(logged.list).isNotEmpty();
            assertThat(logged.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("hunter2"));
        } finally {
            logger.detachAppender(logged);
            logger.setLevel(before);
        }
    }

    @Test
    void outputBeyondTheCapIsDrainedButNotKept() throws Exception {
        ProcessResult result = runner.run(Command.of("head", "-c", "3000000", "/dev/zero").outputCap(4096).build());

        assertThat(result.succeeded()).as("the program was not blocked by a full pipe").isTrue();
        assertThat(result.outputTruncated()).isTrue();
        assertThat(result.stdout()).hasSize(4096);
    }

    @Test
    void aMissingProgramIsAnIoErrorNotAResult() {
        assertThatThrownBy(() -> runner.run(Command.of("/nonexistent/uninstall.exe").build()))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void argumentsWithNulAreRefused() {
        assertThatThrownBy(() -> Command.of("echo", "a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    static Command.Builder javaCommand(Class<?> main, String... args) {
        return Command.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), main.getName()).args(args);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
