package org.riddance.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The streaming catalog reader against Jackson databind, which bound the same records before, and against bad input. */
class CatalogJsonTest {

    private static final String CATALOG = new String(CatalogStamp.builtInBytes(), StandardCharsets.UTF_8);

    @Test
    void readsTheBuiltInCatalogIntoTheRecordsDatabindGives() throws Exception {
        ObjectMapper databind = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        CatalogLoader.CatalogFile expected = databind.readValue(CatalogStamp.builtInBytes(), CatalogLoader.CatalogFile.class);

        CatalogLoader.CatalogFile read = CatalogJson.read(CatalogStamp.builtInBytes());

        assertThat(read).isEqualTo(expected);
        assertThat(read.products()).hasSizeGreaterThan(20);
        assertThat(read.products()).anySatisfy(p -> assertThat(p.removal().passwordProperties()).isNotEmpty());
        assertThat(read.citations()).anySatisfy(c -> assertThat(c.milestones()).isNotEmpty());
    }

    @Test
    void anUnknownFieldIsNamedWithWhereItIs() {
        String typo = CATALOG.replaceFirst("\"displayNames\"", "\"displaynames\"");
        assertThatThrownBy(() -> CatalogLoader.parse(typo.getBytes(StandardCharsets.UTF_8), "typo.json"))
                .isInstanceOf(CatalogException.class)
                .hasMessageMatching("The catalog typo.json has a field this version of Riddance does not know: "
                        + "'displaynames' at products\\[\\d+]\\.windows\\.displaynames \\(line \\d+\\)");
    }

    @Test
    void aValueOfTheWrongKindIsRefusedWithItsPlace() {
        assertRefused(CATALOG.replaceFirst("\"order\": (\\d+)", "\"order\": \"$1\""),
                "products[", "].removal.order should be a whole number but is a string");
        assertRefused(CATALOG.replaceFirst("\"binding\": (true|false)", "\"binding\": null"),
                "citations[", "].binding should be true or false but is null");
        assertRefused(CATALOG.replaceFirst("\"packages\": \\[", "\"packages\": \"klnagent\", \"x\": ["),
                "products[", "].linux.packages should be a list but is a string");
        assertRefused(CATALOG.replaceFirst("\"category\": \"product\"", "\"category\": \"toaster\""),
                "unknown category 'toaster' at products[", "].category");
    }

    @Test
    void aRecordMissingWhatItNeedsIsRefusedNotHalfRead() {
        assertRefused(CATALOG.replaceFirst("\"publisherPatterns\": \\[[^]]*],", ""), "the value at vendors[0] is not usable", "");
    }

    @Test
    void somethingThatIsNotACatalogObjectIsRefused() {
        assertRefused("[1, 2, 3]", "the top level should be an object but is a list", "");
        assertRefused(CATALOG + "\n{}", "there is more after the catalog's closing brace", "");
        assertThatThrownBy(() -> CatalogLoader.parse(new byte[0], "empty.json"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("empty.json is not valid catalog JSON");
    }

    private static void assertRefused(String text, String start, String end) {
        assertThat(text).isNotEqualTo(CATALOG);
        assertThatThrownBy(() -> CatalogLoader.parse(text.getBytes(StandardCharsets.UTF_8), "bad.json"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("bad.json is not valid catalog JSON")
                .hasMessageContaining(start).hasMessageContaining(end)
                .hasMessageContaining("(line ");
    }
}
