package org.riddance.platform;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.platform.win32.WinReg.HKEY;
import com.sun.jna.ptr.IntByReference;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's own registry through Advapi32. Keys are opened in the 64-bit view even from a 32-bit JVM, so
 * {@code HKLM\SOFTWARE\X} is the 64-bit key and {@code HKLM\SOFTWARE\WOW6432Node\X} the 32-bit one, as regedit
 * shows them. A key that is missing, denied or vanishes mid-read is absent, never an exception; denial is
 * logged once per key. JNA is first touched by a lookup, not when the class loads, so it loads on any OS.
 */
final class WindowsLiveRegistry implements WritableRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(WindowsLiveRegistry.class);
    private static final int READ_64_BIT_VIEW = WinNT.KEY_READ | WinNT.KEY_WOW64_64KEY;
    private static final int MAX_VALUE_NAME_CHARS = 16_383;

    private final Set<String> reportedKeys = ConcurrentHashMap.newKeySet();

    @Override
    public boolean exists(String keyPath) {
        return withKey(keyPath, key -> true, false);
    }

    @Override
    public List<String> subkeys(String keyPath) {
        return withKey(keyPath, key -> List.of(Advapi32Util.registryGetKeys(key)), List.of());
    }

    @Override
    public Map<String, RegistryValue> values(String keyPath) {
        return withKey(keyPath, WindowsLiveRegistry::readValues, Map.of());
    }

    @Override
    public void setValue(String keyPath, RegistryValue value) throws java.io.IOException {
        RegistryPath path = parsed(keyPath);
        HKEY root = root(path.hive());
        try {
            Advapi32Util.registryCreateKey(root, path.subkey(), WinNT.KEY_WOW64_64KEY);
            switch (value.type()) {
                case SZ -> Advapi32Util.registrySetStringValue(root, path.subkey(), value.name(),
                        String.valueOf(value.data()), WinNT.KEY_WOW64_64KEY);
                case EXPAND_SZ -> Advapi32Util.registrySetExpandableStringValue(root, path.subkey(), value.name(),
                        String.valueOf(value.data()), WinNT.KEY_WOW64_64KEY);
                case MULTI_SZ -> Advapi32Util.registrySetStringArray(root, path.subkey(), value.name(),
                        value.asList().toArray(new String[0]), WinNT.KEY_WOW64_64KEY);
                case DWORD -> Advapi32Util.registrySetIntValue(root, path.subkey(), value.name(),
                        ((Long) value.data()).intValue(), WinNT.KEY_WOW64_64KEY);
                default -> throw new java.io.IOException("Riddance does not write registry values of type "
                        + value.type() + " (" + keyPath + ")");
            }
        } catch (Win32Exception e) {
            throw new java.io.IOException("Cannot write " + keyPath + "\\" + value.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean removeKey(String keyPath) throws java.io.IOException {
        RegistryPath path = parsed(keyPath);
        if (path.subkey().isEmpty() || !exists(keyPath)) {
            return false;
        }
        for (String child : subkeys(keyPath)) {
            removeKey(keyPath + "\\" + child); // RegDeleteKeyEx deletes only keys without subkeys
        }
        try {
            int slash = path.subkey().lastIndexOf('\\');
            String parent = slash < 0 ? "" : path.subkey().substring(0, slash);
            Advapi32Util.registryDeleteKey(root(path.hive()), parent, path.subkey().substring(slash + 1),
                    WinNT.KEY_WOW64_64KEY);
            return true;
        } catch (Win32Exception e) {
            if (e.getErrorCode() == com.sun.jna.platform.win32.WinError.ERROR_ACCESS_DENIED) {
                // a security product's self-defence answers this way for its own keys, even to an administrator
                throw new java.nio.file.AccessDeniedException(keyPath, null, "access denied: " + e.getMessage());
            }
            throw new java.io.IOException("Cannot delete " + keyPath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean removeValue(String keyPath, String valueName) throws java.io.IOException {
        if (value(keyPath, valueName).isEmpty()) {
            return false;
        }
        RegistryPath path = parsed(keyPath);
        try {
            Advapi32Util.registryDeleteValue(root(path.hive()), path.subkey(), valueName, WinNT.KEY_WOW64_64KEY);
            return true;
        } catch (Win32Exception e) {
            throw new java.io.IOException("Cannot delete " + keyPath + "\\" + valueName + ": " + e.getMessage(), e);
        }
    }

    private static RegistryPath parsed(String keyPath) throws java.io.IOException {
        return RegistryPath.parse(keyPath).orElseThrow(() -> new java.io.IOException(
                "Not a registry key path with a known hive: " + keyPath));
    }

    private <T> T withKey(String keyPath, Function<HKEY, T> read, T absent) {
        Optional<RegistryPath> path = RegistryPath.parse(keyPath);
        if (path.isEmpty()) {
            return absent;
        }
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(root(path.get().hive()), path.get().subkey(), 0,
                READ_64_BIT_VIEW, handle);
        if (rc != WinError.ERROR_SUCCESS) {
            reportOnce(keyPath, rc);
            return absent;
        }
        try {
            return read.apply(handle.getValue());
        } catch (Win32Exception e) {
            reportOnce(keyPath, e.getErrorCode());
            return absent;
        } finally {
            Advapi32.INSTANCE.RegCloseKey(handle.getValue());
        }
    }

    /** Raw enumeration rather than {@code Advapi32Util.registryGetValues}: see {@link RegistryData} for why. */
    private static Map<String, RegistryValue> readValues(HKEY key) {
        Map<String, RegistryValue> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        char[] name = new char[MAX_VALUE_NAME_CHARS + 1];
        byte[] data = new byte[4096];
        for (int index = 0; ; index++) {
            IntByReference nameLength = new IntByReference(name.length);
            IntByReference type = new IntByReference();
            IntByReference dataLength = new IntByReference(data.length);
            int rc = Advapi32.INSTANCE.RegEnumValue(key, index, name, nameLength, null, type, data, dataLength);
            if (rc == WinError.ERROR_MORE_DATA) {
                data = new byte[Math.max(dataLength.getValue(), data.length * 2)];
                index--; // the same value again, now with room for its data
                continue;
            }
            if (rc == WinError.ERROR_NO_MORE_ITEMS) {
                return Collections.unmodifiableMap(values);
            }
            if (rc != WinError.ERROR_SUCCESS) {
                throw new Win32Exception(rc);
            }
            String valueName = new String(name, 0, nameLength.getValue());
            values.put(valueName, RegistryData.decode(valueName, type.getValue(),
                    Arrays.copyOf(data, dataLength.getValue())));
        }
    }

    private static HKEY root(RegistryPath.Hive hive) {
        return switch (hive) {
            case HKEY_LOCAL_MACHINE -> WinReg.HKEY_LOCAL_MACHINE;
            case HKEY_CURRENT_USER -> WinReg.HKEY_CURRENT_USER;
            case HKEY_USERS -> WinReg.HKEY_USERS;
            case HKEY_CLASSES_ROOT -> WinReg.HKEY_CLASSES_ROOT;
            case HKEY_CURRENT_CONFIG -> WinReg.HKEY_CURRENT_CONFIG;
        };
    }

    /** Missing keys are the normal answer and stay quiet; anything else is worth one line per key. */
    private void reportOnce(String keyPath, int errorCode) {
        if (errorCode == WinError.ERROR_FILE_NOT_FOUND || errorCode == WinError.ERROR_KEY_DELETED
                || !reportedKeys.add(keyPath.toLowerCase(Locale.ROOT))) {
            return;
        }
        if (errorCode == WinError.ERROR_ACCESS_DENIED) {
            LOG.warn("Registry key {} is not readable by this process (access denied); treated as absent", keyPath);
        } else {
            LOG.warn("Registry key {} could not be read (Windows error {}); treated as absent", keyPath, errorCode);
        }
    }
}
