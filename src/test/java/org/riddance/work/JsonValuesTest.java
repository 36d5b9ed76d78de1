package org.riddance.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The streaming reader and writer against databind, which read receipts and journals before, on public and hostile input. */
class JsonValuesTest {

    private static final ObjectMapper DATABIND = new ObjectMapper();

    /** cyberphone's JSON canonicalization test data, the RFC 8785 authors' own vectors. */
    private static final Path JCS = Path.of("..", "shared", "corpus", "jcs", "cyberphone").toAbsolutePath().normalize();

    @Test
    void readsThePublicCanonicalizationVectorsAsDatabindDoes() throws IOException {
        assumeTrue(Files.isDirectory(JCS), "the public JCS corpus is not at " + JCS);
        List<Path> inputs;
        try (Stream<Path> files = Files.list(JCS.resolve("input"))) {
            inputs = files.sorted().toList();
        }
        int objects = 0;
        for (Path input : inputs) {
            byte[] bytes = Files.readAllBytes(input);
            if (new String(bytes, StandardCharsets.UTF_8).strip().startsWith("{")) {
                Map<String, Object> read = JsonValues.object(bytes);
                assertThat(read).as(input.toString()).isEqualTo(new ObjectMapper().readValue(bytes, Map.class));
                // and written back as databind writes the same values, compact and indented
                assertThat(JsonValues.text(read)).as(input.toString()).isEqualTo(DATABIND.writeValueAsString(read));
                assertThat(JsonValues.indented(read)).as(input.toString())
                        .isEqualTo(DATABIND.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(read));
                objects++;
            }
        }
        assertThat(objects).as("objects among " + inputs).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aSignedReceiptReadsBackToItsCanonicalBytes() throws IOException {
        byte[] payload = ("{\"id\":\"R-1\",\"n\":9007199254740991,\"neg\":-3,\"big\":123456789012345678901234567890,"
                + "\"products\":[{\"name\":\"Kaspersky Endpoint Security 12\",\"outcome\":\"removed\"}],\"ok\":true,"
                + "\"none\":null,\"tech\":{\"name\":\"Jos\u00e9 M\u00fcller\"}}").getBytes(StandardCharsets.UTF_8);

        Map<String, Object> read = JsonValues.object(payload);

        assertThat(read).isEqualTo(new ObjectMapper().readValue(payload, Map.class));
        assertThat(read.get("n")).isInstanceOf(Long.class);
        assertThat(read.get("neg")).isInstanceOf(Integer.class);
        assertThat(read.get("big")).isInstanceOf(java.math.BigInteger.class);
    }

    @Test
    void onlyPlainValuesAreWritten() {
        assertThatThrownBy(() -> JsonValues.text(Map.of("when", java.time.Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.time.Instant");
    }

    @Test
    void whatIsNotOneJsonObjectIsRefused() {
        for (String bad : List.of("[1,2]", "\"text\"", "", "{\"a\":1} {\"b\":2}", "{\"a\":1", "{\"a\":}")) {
            assertThatThrownBy(() -> JsonValues.object(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aPayloadNestedDeeperThanAnyReceiptIsRefusedNotAStackOverflow() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> JsonValues.object(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("nested more than " + JsonValues.MAX_DEPTH);
    }
}
