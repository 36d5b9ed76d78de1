package org.riddance.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.riddance.work.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts real programs with {@link ProcessBuilder} (argv straight to the OS, no shell). On a time-out or a
 * cancel it stops the whole process tree: a polite terminate first, then a forced kill after a grace period,
 * because hung uninstallers often ignore the first and leave helpers running.
 */
public final class SystemProcessRunner implements ProcessRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SystemProcessRunner.class);
    private static final long POLL_MILLIS = 50;

    private final Duration killGrace;

    public SystemProcessRunner() {
        this(Duration.ofSeconds(3));
    }

    public SystemProcessRunner(Duration killGrace) {
        this.killGrace = killGrace;
    }

    @Override
    public ProcessResult run(Command command, Cancellation cancellation) throws IOException {
        if (command.lineRule() == Command.LineRule.MSIEXEC && OsFamily.current() == OsFamily.WINDOWS) {
            return WindowsExactProcess.run(command, cancellation); // ProcessBuilder would re-quote NAME="value"
        }
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        builder.environment().putAll(command.environment());
        command.workingDirectory().ifPresent(dir -> builder.directory(dir.toFile()));
        LOG.info("Running: {}", command.describe());

        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close(); // uninstallers must never wait for keyboard input
        CappedReader out = CappedReader.start(process.getInputStream(), command.outputCap(), "stdout");
        CappedReader err = CappedReader.start(process.getErrorStream(), command.outputCap(), "stderr");

        ProcessResult.Ending ending = waitForEnd(process, command.timeout(), cancellation);
        if (ending != ProcessResult.Ending.EXITED) {
            LOG.warn("{} ({}): stopping its process tree", command.describe(),
                    ending == ProcessResult.Ending.TIMED_OUT ? "time limit " + command.timeout() + " reached" : "cancelled");
            killTree(process);
        }
        int exitCode = waitUninterruptibly(process);
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        String stdout = command.mask(out.finish());
        String stderr = command.mask(err.finish());
        ProcessResult result = new ProcessResult(exitCode, stdout, stderr, out.truncated() || err.truncated(),
                ending, duration);
        LOG.info("{} ended: {} exit {} after {} ms", command.describe(), ending, exitCode, duration.toMillis());
        if (LOG.isDebugEnabled()) {
            LOG.debug("stdout: {}\nstderr: {}", stdout, stderr);
        }
        return result;
    }

    private ProcessResult.Ending waitForEnd(Process process, Duration timeout, Cancellation cancellation) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                if (process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return ProcessResult.Ending.EXITED;
                }
                if (cancellation.isCancelled()) {
                    return ProcessResult.Ending.CANCELLED;
                }
                if (System.nanoTime() - deadline >= 0) {
                    return ProcessResult.Ending.TIMED_OUT;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProcessResult.Ending.CANCELLED;
        }
    }

    /**
     * Children are listed before the parent is touched: once it dies they are re-parented and no longer
     * reachable as its descendants.
     */
    private void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        process.toHandle().descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);

        long deadline = System.nanoTime() + killGrace.toNanos();
        while (System.nanoTime() < deadline && tree.stream().anyMatch(ProcessHandle::isAlive)) {
            // pick up anything the survivors started while we waited
            List.copyOf(tree).stream().filter(ProcessHandle::isAlive)
                    .flatMap(ProcessHandle::descendants)
                    .filter(h -> !tree.contains(h))
                    .forEach(tree::add);
            sleep(POLL_MILLIS);
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                LOG.warn("Process {} ignored terminate; killing it", handle.pid());
                handle.destroyForcibly();
            }
        }
    }

    private static int waitUninterruptibly(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drains a stream to the end (so the child never blocks on a full pipe) but keeps only the first bytes. */
    private static final class CappedReader implements Runnable {
        private final InputStream in;
        private final int cap;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean truncated;
        private Thread thread;

        private CappedReader(InputStream in, int cap) {
            this.in = in;
            this.cap = cap;
        }

        static CappedReader start(InputStream in, int cap, String name) {
            CappedReader reader = new CappedReader(in, cap);
            reader.thread = new Thread(reader, "process-" + name);
            reader.thread.setDaemon(true);
            reader.thread.start();
            return reader;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (kept) {
                        int room = cap - kept.size();
                        if (room > 0) {
                            kept.write(buffer, 0, Math.min(room, n));
                        }
                        if (n > room) {
                            truncated = true;
                        }
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the process is killed; what was read so far stands
            }
        }

        /** A detached grandchild may keep the pipe open after the program ended; don't wait on it forever. */
        String finish() {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (kept) {
                return kept.toString(ConsoleCodePage.charset()); // the console code page on Windows
            }
        }

        boolean truncated() {
            return truncated;
        }
    }
}
