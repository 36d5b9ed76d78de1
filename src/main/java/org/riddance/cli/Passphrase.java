package org.riddance.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.Map;

/** The keystore passphrase: from {@code RIDDANCE_PASSPHRASE} (fleet tools), else typed at a prompt, never echoed. */
final class Passphrase {

    static final String VARIABLE = "RIDDANCE_PASSPHRASE";

    private Passphrase() {
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
