package org.riddance.journal.entry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A journal entry's record as plain values and back, by its components: what databind's {@code convertValue} did,
 * without the {@code ObjectMapper} whose set-up cost every command of an open session about 0.15 s (decision 0034).
 * Components are written in declaration order (one marked {@code @JsonInclude(NON_EMPTY)} only when not empty);
 * reading ignores fields the record does not have, gives absent ones null (the records turn null into empty values,
 * a primitive gets 0 or false) and accepts a number written as text and the reverse, as databind did.
 * {@code JournalEntriesTest} holds databind to it as the oracle.
 */
final class EntryFields {

    /** A record class's components and canonical constructor, looked up once. */
    private record Shape(RecordComponent[] components, Constructor<?> constructor, boolean[] omitWhenEmpty) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private EntryFields() {
    }

    static Map<String, Object> of(Record entry) {
        Shape shape = shape(entry.getClass());
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < shape.components().length; i++) {
            RecordComponent component = shape.components()[i];
            Object value = plain(accessed(component, entry));
            if (!(shape.omitWhenEmpty()[i] && empty(value))) {
                fields.put(component.getName(), value);
            }
        }
        return fields;
    }

    static <T> T read(Class<T> kind, Map<String, Object> fields) {
        return kind.cast(record(kind, fields, kind.getSimpleName()));
    }

    private static Object record(Class<?> kind, Map<?, ?> fields, String where) {
        Shape shape = shape(kind);
        Object[] arguments = new Object[shape.components().length];
        for (int i = 0; i < arguments.length; i++) {
            RecordComponent component = shape.components()[i];
            arguments[i] = value(component.getGenericType(), fields.get(component.getName()),
                    where + "." + component.getName());
        }
        try {
            return shape.constructor().newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(where + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(kind + " cannot be made from its components", e);
        }
    }

    /** One field's value as the component's type; {@code where} names it in the message when it cannot be. */
    private static Object value(Type type, Object value, String where) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            if (value == null || value instanceof String) {
                return value;
            }
            if (value instanceof Number || value instanceof Boolean) {
                return String.valueOf(value);
            }
        } else if (raw == long.class || raw == int.class || raw == double.class) {
            Number number = value == null ? Integer.valueOf(0) : value instanceof Number n ? n : parsed(value, where);
            if (raw == double.class) {
                return number.doubleValue();
            }
            if (number instanceof BigInteger big && big.bitLength() > 63) {
                throw new IllegalArgumentException(where + ": " + value + " is out of range for a whole number");
            }
            long whole = number.longValue();
            if (raw == int.class) {
                if (whole != (int) whole) {
                    throw new IllegalArgumentException(where + ": " + value + " is out of range for a whole number");
                }
                return (int) whole;
            }
            return whole;
        } else if (raw == boolean.class) {
            if (value == null || value instanceof Boolean) {
                return value != null && (Boolean) value;
            }
            if (value instanceof String text && (text.isBlank() || text.equalsIgnoreCase("true")
                    || text.equalsIgnoreCase("false"))) {
                return text.equalsIgnoreCase("true");
            }
        } else if (raw == List.class && type instanceof ParameterizedType list) {
            if (value == null) {
                return null;
            }
            if (value instanceof List<?> elements) {
                List<Object> read = new ArrayList<>(elements.size());
                for (int i = 0; i < elements.size(); i++) {
                    read.add(value(list.getActualTypeArguments()[0], elements.get(i), where + "[" + i + "]"));
                }
                return read;
            }
        } else if (raw.isRecord()) {
            if (value == null) {
                return null;
            }
            if (value instanceof Map<?, ?> fields) {
                return record(raw, fields, where);
            }
        } else {
            throw new IllegalStateException(where + " is a " + type + ", which journal entries do not use");
        }
        throw new IllegalArgumentException(where + ": " + describe(value) + " where " + raw.getSimpleName() + " belongs");
    }

    private static Number parsed(Object value, String where) {
        if (value instanceof String text) {
            if (text.isBlank()) {
                return 0; // as databind reads an empty text into a number
            }
            try {
                return text.contains(".") || text.contains("e") || text.contains("E")
                        ? Double.valueOf(text) : Long.valueOf(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": \"" + text + "\" is not a number", e);
            }
        }
        throw new IllegalArgumentException(where + ": " + describe(value) + " where a number belongs");
    }

    private static String describe(Object value) {
        return value instanceof Map ? "an object" : value instanceof List ? "a list" : "the value " + value;
    }

    /** Nested records become maps of their own components; lists and scalars stay as they are. */
    private static Object plain(Object value) {
        if (value instanceof Record nested) {
            return of(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> plain = new ArrayList<>(list.size());
            list.forEach(element -> plain.add(plain(element)));
            return plain;
        }
        return value;
    }

    private static boolean empty(Object value) {
        return value == null || value instanceof String text && text.isEmpty()
                || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    }

    private static Object accessed(RecordComponent component, Record entry) {
        try {
            return component.getAccessor().invoke(entry);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(component + " cannot be read", e);
        }
    }

    private static Shape shape(Class<?> kind) {
        return SHAPES.computeIfAbsent(kind, k -> {
            RecordComponent[] components = k.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            boolean[] omitWhenEmpty = new boolean[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                // the annotation's targets do not include record components: it lands on the accessor
                JsonInclude include = components[i].getAccessor().getAnnotation(JsonInclude.class);
                if (include != null && include.value() != JsonInclude.Include.NON_EMPTY) {
                    throw new IllegalStateException(components[i] + ": only @JsonInclude(NON_EMPTY) is understood here");
                }
                omitWhenEmpty[i] = include != null;
            }
            try {
                return new Shape(components, k.getDeclaredConstructor(types), omitWhenEmpty);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(k + " has no canonical constructor", e);
            }
        });
    }
}
