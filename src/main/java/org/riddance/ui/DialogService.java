package org.riddance.ui;

/** Dialogs the view models ask for; tests answer them without a window. */
public interface DialogService {

    boolean confirm(String title, String message);

    /** One dialog for unexpected errors, with copyable details. The caller has logged the error already. */
    void showError(String title, Throwable error);

    void notify(String message);

    /** Shows {@code content} in a dialog with a Close button. */
    void show(String title, javafx.scene.Node content);

    /** A plain message with one OK button. */
    void inform(String title, String message);

    /** Asks the technician to pick one of {@code options}; returns its index, or -1 when the dialog was closed. */
    int choose(String title, String message, java.util.List<String> options);
}
