package org.riddance.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.Map;

/** The keystore passphrase: from {@code RIDDANCE_PASSPHRASE} (fleet tools), else typed at a prompt, never echoed. */
final class Passphrase {

    static final String VARIABLE = "RIDDANCE_PASSPHRASE";

    private Passphrase() {
    }

    /**
     * From {@code file} when given (its first line; a fleet tool writes it with the key), else as {@link #read}.
     *
     * @throws IllegalStateException when the file cannot be read or is empty
     */
    static char[] read(java.nio.file.Path file, Map<String, String> environment, Console console) {
        if (file == null) {
            return read(environment, console, false);
        }
        try {
            String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
            if (line.isEmpty()) {
                throw new IllegalStateException("The passphrase file " + file + " is empty");
            }
            return line.toCharArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read the passphrase file " + file + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException when there is neither the variable nor a terminal to ask at */
    static char[] read(Map<String, String> environment, Console console, boolean confirm) {
        String fromEnvironment = environment.get(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        if (console == null) {
            throw new IllegalStateException("No passphrase: set " + VARIABLE + " or run this in a terminal to be asked for it");
        }
        char[] first = console.readPassword("Keystore passphrase: ");
        if (first == null) {
            throw new IllegalStateException("No passphrase was typed");
        }
        if (confirm) {
            char[] second = console.readPassword("Same passphrase again: ");
            if (second == null || !Arrays.equals(first, second)) {
                throw new IllegalStateException("The two passphrases differ; nothing was created");
            }
            Arrays.fill(second, '\0');
        }
        return first;
    }
}
