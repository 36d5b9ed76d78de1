package org.riddance.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/** What the screenshot tours share: acting on the FX thread, waiting for a state, and saving a window as PNG. */
final class TourCamera {

    private TourCamera() {
    }

    /** Waits up to a minute for {@code condition}, then half a second more for the screen to settle. */
    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
    }

    static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await(10, TimeUnit.SECONDS);
        Thread.sleep(400); // let layout and CSS settle for a frame or two
    }

    /** Saves the window as {@code out/name.png}. */
    static void shoot(Stage stage, Path out, String name) throws InterruptedException {
        Path file = out.resolve(name + ".png");
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                ImageIO.write(toBufferedImage(stage.getScene().snapshot(null)), "png", file.toFile());
                System.out.println("wrote " + file);
            } catch (IOException e) {
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        });
        done.await(10, TimeUnit.SECONDS);
    }

    private static BufferedImage toBufferedImage(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return buffered;
    }
}
