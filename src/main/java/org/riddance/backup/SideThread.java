package org.riddance.backup;

import java.io.InterruptedIOException;

/** The second threads of a back-up: daemons, so one stuck on a dead drive never keeps the program alive. */
final class SideThread {

    private SideThread() {
    }

    static Thread start(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits for {@code thread} to end; an interrupt of the waiting thread becomes an I/O error naming {@code what}. */
    static void join(Thread thread, String what) throws InterruptedIOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + what);
        }
    }
}
