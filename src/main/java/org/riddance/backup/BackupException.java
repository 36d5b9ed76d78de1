package org.riddance.backup;

import java.io.IOException;

/** A back-up that could not be made, with what the technician should do about it. */
public final class BackupException extends IOException {

    public enum Reason { NO_DESTINATION, NOT_ENOUGH_SPACE, DISK_FULL, WRITE_FAILED, NOTHING_TO_BACK_UP }

    private final Reason reason;

    public BackupException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
