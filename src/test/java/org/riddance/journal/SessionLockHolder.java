package org.riddance.journal;

import java.nio.file.Path;
import java.time.Clock;

/** Takes the session lock, says so on stdout, and holds it until it is killed: the second run's rival. */
public final class SessionLockHolder {

    public static void main(String[] args) throws Exception {
        try (SessionLock lock = SessionLock.acquire(Path.of(args[0]), Path.of(args[1]), args[2], Clock.systemUTC())) {
            System.out.println("locked " + ProcessHandle.current().pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
