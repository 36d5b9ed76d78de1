package org.riddance.removal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.riddance.platform.Command;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.ProcessRunner;
import org.riddance.work.Cancellation;

/**
 * A process runner for Windows uninstallers on a Linux test machine: records every command exactly as it would run
 * and answers with scripted exit codes, in order, for commands that match (a busy Windows Installer, a hang); what no
 * step matches goes to a stand-in installer ({@link StandInMsiexec}) whose effect follows from the command itself.
 */
public final class RecordingRunner implements ProcessRunner {

    record Step(Predicate<Command> matches, int exitCode, Consumer<Command> effect) {
    }

    private final List<Command> seen = new ArrayList<>();
    private final Deque<Step> script = new ConcurrentLinkedDeque<>();
    private ProcessRunner otherwise;

    /** Commands no scripted step matches go to {@code runner} (a stand-in installer) instead of failing the test. */
    public RecordingRunner otherwise(ProcessRunner runner) {
        this.otherwise = runner;
        return this;
    }

    public RecordingRunner answer(Predicate<Command> matches, int exitCode) {
        return answer(matches, exitCode, c -> { });
    }

    public RecordingRunner answer(Predicate<Command> matches, int exitCode, Consumer<Command> effect) {
        script.add(new Step(matches, exitCode, effect));
        return this;
    }

    public synchronized List<Command> seen() {
        return List.copyOf(seen);
    }

    @Override
    public ProcessResult run(Command command, Cancellation cancellation) throws java.io.IOException {
        synchronized (this) {
            seen.add(command);
        }
        for (Step step : script) {
            if (step.matches().test(command)) {
                script.remove(step);
                step.effect().accept(command);
                return new ProcessResult(step.exitCode(), "", "", false, ProcessResult.Ending.EXITED, Duration.ofMillis(5));
            }
        }
        if (otherwise != null) {
            return otherwise.run(command, cancellation);
        }
        throw new AssertionError("Unscripted command: " + command.describe());
    }

    public static Predicate<Command> msiexecFor(String productCode) {
        return c -> c.argv().get(0).endsWith("msiexec.exe") && c.argv().contains(productCode);
    }
}
