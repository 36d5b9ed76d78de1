package org.riddance.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Examples from RFC 8785 and the cases a receipt meets. */
class CanonicalJsonTest {

    @Test
    void membersAreSortedByUtf16CodeUnitsAsInTheRfcExample() {
        // RFC 8785 section 3.2.3: the sorting example (names as UTF-16 code units)
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("\u20ac", "Euro Sign");
        map.put("\r", "Carriage Return");
        map.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        map.put("1", "One");
        map.put("\ud83d\ude00", "Emoji: Grinning Face");
        map.put("\u0080", "Control");
        map.put("\u00f6", "Latin Small Letter O With Diaeresis");

        assertThat(CanonicalJson.text(map)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void stringsAreEscapedAsJsonStringifyDoes() {
        assertThat(CanonicalJson.text("\u20ac$\u000f\nA'B\"\\\\\"/")).isEqualTo("\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"");
        assertThat(CanonicalJson.text("José Müller \u2028")).isEqualTo("\"José Müller \u2028\"");
        assertThat(CanonicalJson.text("\b\f\t\r\u0001")).isEqualTo("\"\\b\\f\\t\\r\\u0001\"");
    }

    @Test
    void nestedValuesAndNoWhitespace() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", List.of(1, true, "x"));
        map.put("a", Map.of("k", 9_007_199_254_740_991L));
        map.put("n", null);
        assertThat(CanonicalJson.text(map)).isEqualTo("{\"a\":{\"k\":9007199254740991},\"n\":null,\"z\":[1,true,\"x\"]}");
    }

    @Test
    void valuesJsonCannotHoldExactlyAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.text(9_007_199_254_740_992L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.text(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.text("\ud800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate");
    }
}
