package org.riddance.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's size, maximised state, theme and language between runs. Kept in the data folder (not Java's
 * preferences, which write to the home folder or the Windows registry) so a portable copy leaves nothing behind.
 */
public final class WindowMemory {

    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;
    /** Wider than this and the lines get too long to read; the wizard centres its content. */
    private static final double MAX_OPEN_WIDTH = 1600;
    private static final double MAX_OPEN_HEIGHT = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(WindowMemory.class);

    private final Path file;
    private final Properties values = new Properties();

    private WindowMemory(Path file) {
        this.file = file;
    }

    public static WindowMemory in(Path dataDir) {
        WindowMemory memory = new WindowMemory(dataDir.resolve("window.properties"));
        if (Files.isRegularFile(memory.file)) {
            try (InputStream in = Files.newInputStream(memory.file)) {
                memory.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Could not read {}; the window opens at its default size", memory.file, e);
            }
        }
        return memory;
    }

    /** The size to open at: the one remembered if it still fits this screen, else most of the screen. */
    public Size openingSize(Rectangle2D screen) {
        double w = number("width").orElse(Math.min(screen.getWidth() * 0.9, MAX_OPEN_WIDTH));
        double h = number("height").orElse(Math.min(screen.getHeight() * 0.9, MAX_OPEN_HEIGHT));
        return new Size(clamp(w, MIN_WIDTH, screen.getWidth()), clamp(h, MIN_HEIGHT, screen.getHeight()));
    }

    public boolean maximised() {
        return Boolean.parseBoolean(values.getProperty("maximised", "false"));
    }

    public Optional<Boolean> dark() {
        return Optional.ofNullable(values.getProperty("dark")).map(Boolean::parseBoolean);
    }

    public Optional<String> language() {
        return Optional.ofNullable(values.getProperty("language")).filter(s -> !s.isBlank());
    }

    /** A maximised window keeps the size it had before, so un-maximising next time gives that back. */
    public void remember(Size normalSize, boolean maximised, boolean dark, String language) {
        values.setProperty("width", String.valueOf(Math.round(normalSize.width())));
        values.setProperty("height", String.valueOf(Math.round(normalSize.height())));
        values.setProperty("maximised", String.valueOf(maximised));
        values.setProperty("dark", String.valueOf(dark));
        values.setProperty("language", language);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                values.store(out, "Riddance window: size, maximised, theme, language");
            }
        } catch (IOException e) {
            LOG.warn("Could not remember the window size in {}", file, e);
        }
    }

    private Optional<Double> number(String key) {
        try {
            return Optional.ofNullable(values.getProperty(key)).map(Double::parseDouble).filter(d -> d > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, Math.max(min, max)));
    }

    public record Size(double width, double height) {
    }
}
