package org.riddance.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app icon in the sizes a desktop picks from for title bars, task bars and switchers (icons/generate.sh). */
public final class AppIcons {

    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream("icons/riddance-" + size + ".png")) {
                if (in != null) { // a build without icons still runs; the desktop shows its default
                    icons.add(new Image(in));
                }
            } catch (IOException e) {
                // an unreadable icon resource costs only the icon
            }
        }
        return icons;
    }

    public static void applyTo(Stage stage) {
        stage.getIcons().setAll(load());
    }
}
