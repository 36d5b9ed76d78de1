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

    /** Saves the window as {@code out/name.png} and returns a hash of its pixels, to tell identical screens apart. */
    static String shootAndHash(Stage stage, Path out, String name) throws InterruptedException {
        Path file = out.resolve(name + ".png");
        String[] hash = {""};
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                BufferedImage image = toBufferedImage(stage.getScene().snapshot(null));
                ImageIO.write(image, "png", file.toFile());
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        int p = image.getRGB(x, y);
                        sha.update(new byte[] {(byte) (p >> 24), (byte) (p >> 16), (byte) (p >> 8), (byte) p});
                    }
                }
                hash[0] = java.util.HexFormat.of().formatHex(sha.digest());
                System.out.println("wrote " + file);
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        });
        done.await(20, TimeUnit.SECONDS);
        return hash[0];
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
