package org.riddance.ui;

/** Dialogs the view models ask for; tests answer them without a window. */
public interface DialogService {

    boolean confirm(String title, String message);

    /**
     * A question whose buttons say what they do ("Remove 3 products" / "Keep working"); the safe one is the
     * default, so Enter never does the irreversible thing. True when the technician chose {@code doIt}.
     */
    default boolean confirm(String title, String message, String doIt, String keepSafe) {
        return confirm(title, message);
    }

    /** One dialog for unexpected errors, with copyable details. The caller has logged the error already. */
    void showError(String title, Throwable error);

    void notify(String message);

    /** Shows {@code content} in a dialog with a Close button. */
    void show(String title, javafx.scene.Node content);

    /** A plain message with one OK button. */
    void inform(String title, String message);

    /** Asks the technician to pick one of {@code options}; returns its index, or -1 when the dialog was closed. */
    int choose(String title, String message, java.util.List<String> options);

    /** What a password dialog returns; {@code account} is empty when the dialog asked for a password only. */
    record Credentials(String account, String password) {
        @Override
        public String toString() {
            return "Credentials[" + account + ", *****]"; // never the password
        }
    }

    /**
     * A masked password dialog; with {@code account} present it also asks for the account, filled with that default.
     * Empty when the technician cancelled. The answer is kept in memory only.
     */
    default java.util.Optional<Credentials> askPassword(String title, String message, java.util.Optional<String> account) {
        return java.util.Optional.empty();
    }
}
