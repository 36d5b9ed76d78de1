package org.riddance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppVersionTest {

    /** Receipts and roll-ups carry this: "dev" there meant the stamp was not found, as after a package move. */
    @Test
    void theVersionIsMavensStampNotTheFallback() {
        assertThat(AppVersion.version()).isNotEqualTo("dev").matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
