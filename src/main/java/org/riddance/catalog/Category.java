package org.riddance.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of thing a finding is; removal order and the receipt both depend on it. */
public enum Category {
    PRODUCT("product"),
    MANAGEMENT_AGENT("management-agent"),
    MANAGEMENT_SERVER("management-server"),
    DRIVER("driver"),
    EMBEDDED_ENGINE("embedded-engine"),
    LEFTOVER("leftover");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Category fromId(String id) {
        for (Category c : values()) {
            if (c.id.equals(id.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category '" + id + "'");
    }
}
