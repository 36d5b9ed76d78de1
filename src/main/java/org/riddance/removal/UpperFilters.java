package org.riddance.removal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.riddance.catalog.DriverNames;
import org.riddance.platform.RegFileWriter;
import org.riddance.platform.RegistryValue;
import org.riddance.platform.WritableRegistry;

/**
 * Takes a vendor's drivers out of a device class's UpperFilters and nothing else. The keyboard class must keep
 * {@code kbdclass} and the mouse class {@code mouclass} (and any other vendor's filter), or the PC has no keyboard or
 * mouse after the restart. The old value is written to a {@code .reg} file first, so it can be put back.
 */
public final class UpperFilters {

    public static final String VALUE = "UpperFilters";

    /** @param backup the {@code .reg} file holding the value as it was; empty when nothing changed */
    public record Change(String classKey, List<String> before, List<String> after, List<String> removed,
                         Optional<Path> backup) {
        public boolean changed() {
            return !removed.isEmpty();
        }
    }

    private UpperFilters() {
    }

    public static Change clean(WritableRegistry registry, String classKey, List<String> vendorDrivers, Path backupDir)
            throws IOException {
        Optional<RegistryValue> value = registry.value(classKey, VALUE);
        if (value.isEmpty()) {
            return new Change(classKey, List.of(), List.of(), List.of(), Optional.empty());
        }
        if (value.get().type() != RegistryValue.Type.MULTI_SZ) {
            throw new IOException(classKey + "\\" + VALUE + " is " + value.get().type()
                    + ", not a list of filters: left as it is; check it with regedit");
        }
        List<String> before = value.get().asList();
        List<String> after = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String filter : before) {
            // 21.x builds list klkbdflt.K4W-21-26: the base name decides, never a prefix
            if (vendorDrivers.stream().anyMatch(d -> DriverNames.same(d, filter))) {
                removed.add(filter);
            } else {
                after.add(filter);
            }
        }
        if (removed.isEmpty()) {
            return new Change(classKey, before, before, List.of(), Optional.empty());
        }
        Files.createDirectories(backupDir);
        String guid = classKey.substring(classKey.lastIndexOf('\\') + 1).replaceAll("[{}]", "");
        Path backup = backupDir.resolve("UpperFilters-" + guid + ".reg");
        // only the one value goes into the file: merging it back must not touch the class's other settings
        org.riddance.platform.InMemoryRegistry old = new org.riddance.platform.InMemoryRegistry().putValue(classKey, value.get());
        Files.write(backup, RegFileWriter.export(old, classKey));
        registry.setValue(classKey, new RegistryValue(value.get().name(), RegistryValue.Type.MULTI_SZ, List.copyOf(after)));
        return new Change(classKey, before, List.copyOf(after), List.copyOf(removed), Optional.of(backup));
    }
}
