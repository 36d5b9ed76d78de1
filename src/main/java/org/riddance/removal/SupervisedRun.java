package org.riddance.removal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.riddance.platform.Command;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.ProcessRunner;
import org.riddance.work.Cancellation;

/**
 * Runs an uninstaller with a step time limit that does not kill it: at the limit the technician chooses to wait
 * another period or to stop it (its whole process tree). A hard limit of a day stops anything forgotten.
 */
final class SupervisedRun {

    static final Duration HARD_LIMIT = Duration.ofHours(24);

    /** @param stoppedAtLimit true when it was stopped because it hung, not because it ended */
    record Result(ProcessResult process, boolean stoppedAtLimit, Duration waited) {
    }

    private SupervisedRun() {
    }

    static Result run(ProcessRunner runner, Command command, Duration limit, HangPolicy policy, RemovalItem item,
                      Cancellation outer) throws IOException {
        Cancellation inner = new Cancellation();
        outer.onCancel(inner::cancel);
        CompletableFuture<ProcessResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(command.withTimeout(HARD_LIMIT), inner);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Duration waited = Duration.ZERO;
        boolean stopped = false;
        while (true) {
            try {
                ProcessResult result = running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
                outer.throwIfCancelled();
                return new Result(result, stopped, waited);
            } catch (TimeoutException e) {
                waited = waited.plus(limit);
                if (stopped) {
                    continue; // being killed: wait for the runner to report the ending
                }
                if (policy.onHung(item, command.describe(), waited) == HangPolicy.Choice.STOP) {
                    stopped = true;
                    inner.cancel();
                }
            } catch (InterruptedException e) {
                inner.cancel();
                Thread.currentThread().interrupt();
                throw new Cancellation.CancelledException();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof java.io.UncheckedIOException io) {
                    throw io.getCause();
                }
                throw new IOException(command.describe() + " could not be run: " + e.getCause(), e.getCause());
            }
        }
    }
}
