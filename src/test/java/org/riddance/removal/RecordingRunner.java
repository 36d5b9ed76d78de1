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
 * and answers with scripted exit codes, in order, for commands that match; a script step may also change the
 * sandbox the way the uninstaller would (delete its registry keys).
 */
public final class RecordingRunner implements ProcessRunner {

    record Step(Predicate<Command> matches, int exitCode, Consumer<Command> effect) {
    }

    private final List<Command> seen = new ArrayList<>();
    private final Deque<Step> script = new ConcurrentLinkedDeque<>();

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
    public ProcessResult run(Command command, Cancellation cancellation) {
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
        throw new AssertionError("Unscripted command: " + command.describe());
    }

    public static Predicate<Command> msiexecFor(String productCode) {
        return c -> c.argv().get(0).endsWith("msiexec.exe") && c.argv().contains(productCode);
    }
}
