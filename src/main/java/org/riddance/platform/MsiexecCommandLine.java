package org.riddance.platform;

import java.util.List;
import java.util.regex.Pattern;

/**
 * msiexec reads its own command line, not CommandLineToArgvW's argv: a property is {@code NAME="value"}, the
 * quotes around the value only, and a quote inside the value is doubled ({@code PROP="say ""hi"""}), as the
 * Windows Installer's "Command-Line Options" page documents. Java's ProcessBuilder would wrap such an argument
 * whole ({@code "KLPASSWD=a b"}) and escape quotes with backslashes, which msiexec does not undo; so msiexec
 * commands carry {@link Command.LineRule#MSIEXEC} and are started with exactly the line built here.
 */
public final class MsiexecCommandLine {

    /** A public property: upper-case by Windows Installer convention, but msiexec accepts any letters. */
    private static final Pattern PROPERTY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.]*)=(.*)$", Pattern.DOTALL);

    private MsiexecCommandLine() {
    }

    /** The exact line: the program and plain arguments as argv quoting has them, each property as msiexec wants. */
    public static String join(List<String> argv) {
        StringBuilder line = new StringBuilder(WindowsCommandLine.quote(argv.get(0)));
        for (String arg : argv.subList(1, argv.size())) {
            line.append(' ').append(argument(arg));
        }
        return line.toString();
    }

    static String argument(String arg) {
        if (arg.indexOf('\r') >= 0 || arg.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("An msiexec argument cannot hold a line break");
        }
        var property = PROPERTY.matcher(arg);
        if (property.matches()) {
            return property.group(1) + "=\"" + property.group(2).replace("\"", "\"\"") + '"';
        }
        if (arg.indexOf('"') >= 0) {
            throw new IllegalArgumentException("Only a property value may hold a quote in an msiexec command: " + arg);
        }
        // switches, product codes and paths (a path cannot hold a quote)
        return arg.isEmpty() || arg.indexOf(' ') >= 0 || arg.indexOf('\t') >= 0 ? '"' + arg + '"' : arg;
    }
}
