package org.riddance.platform;

import java.io.IOException;

/**
 * A registry removal may change: the live one, or an in-memory one in tests. Only removal writes, and only the
 * keys and values the catalog names (leftovers, driver services, UpperFilters) or Riddance's own RunOnce entry.
 */
public interface WritableRegistry extends RegistryView {

    /** Sets a value, creating the key when needed. */
    void setValue(String keyPath, RegistryValue value) throws IOException;

    /** Deletes a key with everything under it; false when it was not there. */
    boolean removeKey(String keyPath) throws IOException;

    /** Deletes one value; false when it was not there. */
    boolean removeValue(String keyPath, String valueName) throws IOException;
}
