package org.riddance.app;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The wizard needs a screen. Over SSH or on a server without a desktop, JavaFX would die with a raw
 * "UnsupportedOperationException: Unable to open DISPLAY"; this says what to do instead, and the launcher exits 2.
 */
final class NoDisplay {

    private NoDisplay() {
    }

    /** On Linux and the BSDs a window needs DISPLAY (X11) or WAYLAND_DISPLAY; Windows and macOS always have one. */
    static Optional<String> check(Map<String, String> env, String osName, String glassPlatform) {
        String os = String.valueOf(osName).toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        boolean display = !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return display ? Optional.empty() : Optional.of(message("neither DISPLAY nor WAYLAND_DISPLAY is set"));
    }

    static String message(String why) {
        return "riddance: the wizard needs a desktop, and there is none here (" + why + ").\n"
                + "Use the command line instead, for example:\n"
                + "  riddance scan                 (find banned products on this PC; it changes nothing)\n"
                + "  riddance run --unattended --backup-to DIR --receipt-to DIR --technician NAME --site NAME "
                + "--ticket ID --key FILE\n"
                + "  riddance --help               (every command)\n"
                + "Or start the wizard from a desktop session, or with ssh -X.";
    }
}
