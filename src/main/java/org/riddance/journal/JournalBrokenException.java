package org.riddance.journal;

import java.io.IOException;
import java.nio.file.Path;

/** The journal's hash chain is broken: a record was changed, removed or inserted after it was written. */
public final class JournalBrokenException extends IOException {

    private final transient JournalCheck.Break where;

    public JournalBrokenException(Path file, JournalCheck.Break where) {
        super("The session journal " + file + " was changed after it was written (" + where + ")");
        this.where = where;
    }

    public JournalCheck.Break where() {
        return where;
    }
}
