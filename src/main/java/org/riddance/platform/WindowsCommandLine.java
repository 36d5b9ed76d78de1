package org.riddance.platform;

import java.util.List;

/**
 * Windows hands a program one command-line string, which the program splits again with the
 * CommandLineToArgvW rules. Where an API takes such a string (ShellExecuteEx for UAC), each argv element is
 * quoted here so it arrives intact: backslashes before a quote are doubled, quotes are escaped.
 */
public final class WindowsCommandLine {

    private WindowsCommandLine() {
    }

    public static String join(List<String> args) {
        StringBuilder line = new StringBuilder();
        for (String arg : args) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(arg));
        }
        return line.toString();
    }

    static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\n')) {
            return arg;
        }
        StringBuilder quoted = new StringBuilder("\"");
        int backslashes = 0;
        for (char c : arg.toCharArray()) {
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                quoted.append("\\".repeat(backslashes * 2 + 1));
            } else {
                quoted.append("\\".repeat(backslashes));
            }
            backslashes = 0;
            quoted.append(c);
        }
        quoted.append("\\".repeat(backslashes * 2)).append('"');
        return quoted.toString();
    }
}
