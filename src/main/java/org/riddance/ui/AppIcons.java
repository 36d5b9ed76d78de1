package org.riddance.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app icon in the sizes a desktop picks from for title bars, task bars and switchers (icons/generate.sh). */
public final class AppIcons {

    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    /**
     * JavaFX hands the window system one icon, the best match to 32 px on Windows and 128 px elsewhere, scaled to
     * that size (WindowStage.setIcons): that one is decoded, not all seven, which cost the first frame about 50 ms.
     */
    static int windowIconSize(String osName) {
        return osName.startsWith("Windows") ? 32 : 128;
    }

    static Optional<Image> load(int size) {
        try (InputStream in = AppIcons.class.getResourceAsStream("icons/riddance-" + size + ".png")) {
            return in == null ? Optional.empty() : Optional.of(new Image(in)); // a build without icons still runs
        } catch (IOException e) {
            return Optional.empty(); // an unreadable icon resource costs only the icon
        }
    }

    /** Set once the first frame is laid out: the window manager shows it a moment later, the frame does not wait. */
    public static void applyTo(Stage stage) {
        stage.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null && was == null) {
                AfterFirstLayout.run(scene, () -> load(windowIconSize(System.getProperty("os.name")))
                        .ifPresent(icon -> stage.getIcons().setAll(icon)));
            }
        });
    }
}
