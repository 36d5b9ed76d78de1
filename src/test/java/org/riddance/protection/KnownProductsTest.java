package org.riddance.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KnownProductsTest {

    @Test
    void theBuiltInListLoadsAndEveryProductCanBeRecognised() {
        KnownProducts known = KnownProducts.builtIn();

        assertThat(known.products()).extracting(KnownProducts.Product::id)
                .contains("clamav", "mdatp", "crowdstrike-falcon", "sentinelone", "sophos-spl", "kesl")
                .doesNotHaveDuplicates();
        assertThat(known.products()).allSatisfy(p -> assertThat(p.packages().size() + p.paths().size()).isPositive());
    }

    @Test
    void aListInAnotherFormatOrAProductWithNothingToFindItByIsRefused() {
        assertThatThrownBy(() -> parse("{\"format\": \"something-else/9\", \"products\": []}"))
                .isInstanceOf(IOException.class).hasMessageContaining("something-else/9");
        assertThatThrownBy(() -> parse("{\"format\": \"riddance-known-antivirus/1\", \"products\": "
                + "[{\"id\": \"x\", \"name\": \"X\", \"vendor\": \"Y\"}]}"))
                .hasRootCauseMessage("x: needs a package or a path to be recognised by");
    }

    private static KnownProducts parse(String json) throws IOException {
        return KnownProducts.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
