package org.riddance.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The compact code: RFC 9285 Base45, and a code's text treated as coming from anyone. */
class QrPayloadTest {

    /** The examples of RFC 9285 section 4.3 and 4.4. */
    @Test
    void base45MatchesTheRfcExamples() {
        assertThat(Base45.encode("AB".getBytes(StandardCharsets.US_ASCII))).isEqualTo("BB8");
        assertThat(Base45.encode("Hello!!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("%69 VD92EX0");
        assertThat(Base45.encode("base-45".getBytes(StandardCharsets.US_ASCII))).isEqualTo("UJCLQE7W581");
        assertThat(new String(Base45.decode("QED8WEX0"), StandardCharsets.US_ASCII)).isEqualTo("ietf!");
        assertThatThrownBy(() -> Base45.decode("GGW")).as("65535 < value").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyCharacterOfACodeIsInTheQrAlphanumericSet() {
        byte[] signature = new byte[64];
        Arrays.fill(signature, (byte) 0xA5);
        String code = QrPayload.encode(new SignedReceipt("{\"id\":\"R-1\",\"key\":\"ab\"}".getBytes(StandardCharsets.UTF_8),
                signature), "ab");

        assertThat(code).startsWith("RDR2:").matches("[0-9A-Z $%*+\\-./:]+");
        QrPayload.Scanned scanned = QrPayload.scan(code + "\n").orElseThrow();
        assertThat(scanned.summary()).isFalse();
        assertThat(scanned.receipt().signature()).isEqualTo(signature);
        assertThat(scanned.receipt().payloadText()).isEqualTo("{\"id\":\"R-1\",\"key\":\"ab\"}");
    }

    @Test
    void aCodeThatInflatesPastOneMegabyteIsNotAReceipt() {
        byte[] bomb = QrPayload.deflate(new byte[3 << 20]); // 3 MB of zeros deflate to a few kilobytes
        byte[] container = new byte[1 + 64 + bomb.length];
        container[0] = QrPayload.FULL;
        System.arraycopy(bomb, 0, container, 65, bomb.length);

        assertThat(QrPayload.scan(QrPayload.PREFIX + Base45.encode(container))).isEmpty();
        assertThat(QrPayload.scan(QrPayload.PREFIX + "%69 VD92EX0")).as("too short to hold a signature").isEmpty();
    }
}
