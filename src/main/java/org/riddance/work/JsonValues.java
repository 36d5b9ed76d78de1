package org.riddance.work;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON read into plain values with Jackson's streaming parser: objects as {@code LinkedHashMap}, arrays as
 * {@code ArrayList}, whole numbers as {@code Integer}, {@code Long} or {@code BigInteger}, other numbers as
 * {@code Double}, then strings, booleans and null — what databind's {@code readValue(bytes, Map.class)} gives, without
 * the {@code ObjectMapper} whose set-up was most of a {@code verify} command's time. A repeated member name keeps its
 * last value, as databind does; the canonical-form check then tells such a payload from the one that was signed.
 * Written back the same way ({@link #text}): the bytes databind's {@code writeValueAsString} gives for such values.
 * Receipts' payloads and the session journal's lines are read and written here.
 */
public final class JsonValues {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** Deeper than any receipt; a hostile file nested a million deep would otherwise exhaust the stack. */
    static final int MAX_DEPTH = 64;

    private JsonValues() {
    }

    /** The top-level object of these bytes; anything else, or anything after it, is refused. */
    public static Map<String, Object> object(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "the JSON is not an object");
            }
            Map<String, Object> object = object(parser, 1);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "there is more after the object's closing brace");
            }
            return object;
        }
    }

    private static Map<String, Object> object(JsonParser parser, int depth) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.put(name, value(parser, depth));
        }
        return object;
    }

    private static Object value(JsonParser parser, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new JsonParseException(parser, "nested more than " + MAX_DEPTH + " deep");
        }
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> object(parser, depth + 1);
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, depth + 1));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }

    /**
     * Plain values as compact JSON text: maps (in their order), lists, strings, numbers, booleans and null, escaped
     * by the same generator databind writes with.
     *
     * @throws IllegalArgumentException for any other kind of value
     */
    public static String text(Object value) {
        return text(value, false);
    }

    /** The same, laid out as databind's {@code INDENT_OUTPUT} lays it out: for people and for diffs of two runs. */
    public static String indented(Object value) {
        return text(value, true);
    }

    private static String text(Object value, boolean indented) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            if (indented) {
                json.useDefaultPrettyPrinter();
            }
            write(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof Float number) {
            json.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                json.writeFieldName(String.valueOf(member.getKey()));
                write(json, member.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                write(json, element);
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName());
        }
    }
}
