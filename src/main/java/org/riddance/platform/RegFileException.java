package org.riddance.platform;

import java.io.IOException;

/** A {@code .reg} export that cannot be read: says which file, which line and what is wrong with it. */
public final class RegFileException extends IOException {

    private final String source;
    private final int line;
    private final String problem;

    public RegFileException(String source, int line, String problem) {
        super(source + ", line " + line + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** The file name (or other source name) given to the parser. */
    public String source() {
        return source;
    }

    /** 1-based line number; for a value spread over continuation lines, the line where it starts. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file name and line number. */
    public String problem() {
        return problem;
    }
}
