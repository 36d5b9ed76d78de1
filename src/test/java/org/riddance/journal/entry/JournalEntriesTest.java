package org.riddance.journal.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.riddance.work.JsonValues;

/**
 * Journal entries are turned into plain values and back without databind; databind, which did it before, is the
 * oracle: the same JSON text for every kind, the same record read back, the same leniency for odd fields.
 */
class JournalEntriesTest {

    /** The mapper JournalEntries used, configured as it was. */
    private static final ObjectMapper DATABIND = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static List<Class<?>> kinds() {
        List<Class<?>> kinds = new ArrayList<>(Arrays.asList(JournalEntry.class.getPermittedSubclasses()));
        kinds.remove(UnknownEntry.class); // never written; read for a type this build does not know
        return kinds;
    }

    @Test
    void everyKindIsWrittenAsDatabindWroteItAndReadBackWhole() throws Exception {
        assertThat(kinds()).hasSizeGreaterThanOrEqualTo(27);
        for (Class<?> kind : kinds()) {
            for (boolean filled : new boolean[] {true, false}) {
                JournalEntry entry = (JournalEntry) sample(kind, filled);
                String ours = JsonValues.text(JournalEntries.data(entry));
                String databind = DATABIND.writeValueAsString(DATABIND.convertValue(entry, LinkedHashMap.class));
                assertThat(ours).as(kind.getSimpleName() + (filled ? "" : ", empty")).isEqualTo(databind);

                Map<String, Object> read = JsonValues.object(ours.getBytes(StandardCharsets.UTF_8));
                JournalEntry back = JournalEntries.read(entry.type(), read);
                assertThat(back).as(kind.getSimpleName()).isEqualTo(entry)
                        .isEqualTo(DATABIND.convertValue(read, kind));
            }
        }
    }

    @Test
    void removalOutcomeWritesItsBlockageOnlyWhenThereIsOne() {
        assertThat(JournalEntries.data(new RemovalOutcome("kes", "failed", "password", "password-needed")))
                .containsEntry("blockage", "password-needed");
        assertThat(JournalEntries.data(new RemovalOutcome("kes", "removed", "gone"))).doesNotContainKey("blockage")
                .containsOnlyKeys("id", "outcome", "detail");
    }

    /** What an older or newer Riddance, or a hand-mended journal, may hold: read as databind read it. */
    @Test
    void oddFieldsAreReadAsDatabindReadThem() {
        List<Map<String, Object>> odd = List.of(
                Map.of(), // an older build's record without the fields
                Map.of("name", "Defender", "future", List.of(1, 2), "pass", true), // a newer build's extra field
                fields("name", "Defender", "defsAgeDays", null, "pass", null), // null for numbers and flags
                Map.of("name", 42, "state", 1.5, "defsAgeDays", "7", "eicar", true, "pass", "true"), // scalars as text
                Map.of("defsAgeDays", 3.9, "pass", "FALSE"), // a fraction where a whole number belongs
                Map.of("defsAgeDays", "", "pass", "")); // empty text
        for (Map<String, Object> fields : odd) {
            assertThat(JournalEntries.read(AntivirusChecked.TYPE, fields)).as(fields.toString())
                    .isEqualTo(DATABIND.convertValue(fields, AntivirusChecked.class));
        }
        Map<String, Object> command = Map.of("id", "kes", "exit", "1603", "seconds", "12.5", "command", 7);
        assertThat(JournalEntries.read(RemovalCommand.TYPE, command))
                .isEqualTo(DATABIND.convertValue(command, RemovalCommand.class));
        Map<String, Object> nested = Map.of("items", List.of(Map.of("id", "kes", "order", "10", "extra", "x"), Map.of()));
        assertThat(JournalEntries.read(RemovalPlanned.TYPE, nested))
                .isEqualTo(DATABIND.convertValue(nested, RemovalPlanned.class));
    }

    /** Where databind refused a record, so do we, naming the field. */
    @Test
    void aFieldOfTheWrongShapeIsRefusedByName() {
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("pass", Map.of("a", 1)),
                Map.<String, Object>of("defsAgeDays", "seven"), Map.<String, Object>of("name", List.of("a")))) {
            assertThatThrownBy(() -> DATABIND.convertValue(bad, AntivirusChecked.class)).as("databind: " + bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> JournalEntries.read(AntivirusChecked.TYPE, bad)).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("antivirus.checked")
                    .hasMessageContaining("AntivirusChecked." + bad.keySet().iterator().next());
        }
        assertThatThrownBy(() -> JournalEntries.read(RemovalPlanned.TYPE, Map.of("items", "kes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RemovalPlanned.items");
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    /**
     * A record of this kind with every component set: text with quotes, a backslash, control characters, Cyrillic
     * and an emoji; whole numbers past 2^53; fractions; lists of two. Or, not filled, with every component empty.
     */
    private static Object sample(Class<?> kind, boolean filled) throws Exception {
        RecordComponent[] components = kind.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getGenericType(), filled, i);
        }
        return kind.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object value(Type type, boolean filled, int i) throws Exception {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return filled
                    ? "C:\\Program Files\\Kaspersky Lab \"KES\" 12\n\t\u0001 Лаборатория Касперского \uD83D\uDEE1 #" + i
                    : "";
        }
        if (raw == long.class) {
            return filled ? 9_007_199_254_740_993L + i : 0L;
        }
        if (raw == int.class) {
            return filled ? -1603 - i : 0;
        }
        if (raw == double.class) {
            return filled ? 0.1 + i : 0.0;
        }
        if (raw == boolean.class) {
            return filled;
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            return filled ? List.of(value(element, true, i), value(element, true, i + 1)) : List.of();
        }
        if (raw.isRecord()) {
            return sample(raw, filled);
        }
        throw new AssertionError("a component of a type the sample does not know: " + type);
    }
}
