package org.riddance.ui;

import java.awt.Desktop;
import java.awt.print.PrinterException;
import java.io.IOException;
import java.nio.file.Path;
import org.riddance.receipt.ReceiptPrinter;

/**
 * A signed PDF or its folder handed to the desktop: opened in the system's viewer or file manager, or printed through
 * the system print dialog. Both block (AWT's dialog is modal to itself), so callers run them in a {@link CoreTask}.
 */
public final class SystemFiles {

    private SystemFiles() {
    }

    /** @throws IOException with a message for the technician when this desktop cannot open files */
    public static void open(Path target) throws IOException {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new IOException(Messages.get("receipt.open.unsupported", target));
        }
        Desktop.getDesktop().open(target.toFile());
    }

    /** Opening {@code target} as a task to run off the FX thread; a failure is logged and said in the app. */
    public static CoreTask<Void> openTask(Path target, DialogService dialogs) {
        CoreTask<Void> task = new CoreTask<>((progress, cancellation) -> {
            open(target);
            return null;
        });
        task.setOnFailed(e -> {
            org.slf4j.LoggerFactory.getLogger(SystemFiles.class).warn("Could not open {}: {}", target, task.getException().toString());
            dialogs.inform(Messages.get("receipt.open.failed"), task.getException().getMessage());
        });
        return task;
    }

    /**
     * With no printer set up Java would show its own bare box; Riddance says so itself, with what to do instead.
     *
     * @return false when the technician cancelled the print dialog
     */
    public static boolean print(Path pdf) throws IOException, PrinterException {
        if (ReceiptPrinter.printers().isEmpty()) {
            throw new PrinterException(Messages.get("receipt.print.none"));
        }
        return ReceiptPrinter.printWithDialog(pdf);
    }
}
