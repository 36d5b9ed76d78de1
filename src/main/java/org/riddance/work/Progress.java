package org.riddance.work;

/** What long core work reports as it goes; the UI binds a Task to it, the CLI prints it. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total, message) -> { };

    /** @param total -1 when the amount of work is not known yet */
    void update(long done, long total, String message);
}
