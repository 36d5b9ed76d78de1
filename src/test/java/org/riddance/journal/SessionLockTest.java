package org.riddance.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run per data folder and root, tried with a real second process: the second run is told who holds the
 * lock (pid, command, since when); once the holder is killed with SIGKILL the OS drops the lock and a new run
 * goes ahead, so a crash never leaves a lock that blocks.
 */
class SessionLockTest {

    @TempDir
    Path data;
    @TempDir
    Path root;

    @Test
    void aSecondRunIsToldWhoHoldsTheLockAndAKilledHolderFreesIt() throws Exception {
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), SessionLockHolder.class.getName(),
                data.toString(), root.toString(), "riddance backup --to /media/stick").redirectErrorStream(true).start();
        try {
            String first = new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine();
            assertThat(first).isEqualTo("locked " + holder.pid());

            assertThatThrownBy(() -> SessionLock.acquire(data, root, "riddance remove", Clock.systemUTC()))
                    .isInstanceOfSatisfying(SessionLock.HeldException.class, e -> {
                        assertThat(e.holder()).containsEntry("pid", String.valueOf(holder.pid()))
                                .containsEntry("command", "riddance backup --to /media/stick").containsKey("since");
                        assertThat(e.getMessage()).contains("process " + holder.pid(), "riddance backup --to /media/stick",
                                "Wait for it to finish");
                    });
            try (SessionLock other = SessionLock.acquire(data, root.resolve("another-root"), "riddance scan",
                    Clock.systemUTC())) {
                assertThat(other.file()).exists(); // another root is another lock
            }
        } finally {
            holder.destroyForcibly().waitFor(); // SIGKILL: no clean-up runs in the holder
        }

        try (SessionLock mine = SessionLock.acquire(data, root, "riddance remove", Clock.systemUTC())) {
            assertThat(mine.file()).exists();
            assertThatThrownBy(() -> SessionLock.acquire(data, root, "riddance remove", Clock.systemUTC()))
                    .as("a second session in this same process").isInstanceOf(SessionLock.HeldException.class);
        }
        SessionLock.acquire(data, root, "riddance remove", Clock.systemUTC()).close(); // released on close
    }
}
