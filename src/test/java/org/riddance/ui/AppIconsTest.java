package org.riddance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AppIconsTest {

    @Test
    void everyWindowIconSizeIsBundledAtItsSize() throws Exception {
        for (int size : AppIcons.SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream("icons/riddance-" + size + ".png")) {
                assertThat(in).as("icon %d px", size).isNotNull();
                BufferedImage image = ImageIO.read(in);
                assertThat(image.getWidth()).as("width of the %d px icon", size).isEqualTo(size);
                assertThat(image.getHeight()).isEqualTo(size);
                assertThat(image.getColorModel().hasAlpha()).as("transparent corners").isTrue();
            }
        }
    }

    @Test
    void theWindowIconJavaFxUsesIsOneOfTheBundledSizes() {
        for (String os : new String[] {"Linux", "Windows 11", "Mac OS X"}) {
            assertThat(AppIcons.SIZES).as("the window icon size on %s", os).contains(AppIcons.windowIconSize(os));
        }
        assertThat(AppIcons.windowIconSize("Windows 10")).isEqualTo(32);
        assertThat(AppIcons.windowIconSize("Linux")).isEqualTo(128);
    }
}
