package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riddance.platform.RegistryPath.Hive;

/** The parts of the live registry that need no Windows: path splitting and decoding of raw value bytes. */
class WindowsLiveRegistryTest {

    @Test
    void splitsFullAndShortHiveNames() {
        assertThat(RegistryPath.parse("HKLM\\Software\\X")).contains(new RegistryPath(Hive.HKEY_LOCAL_MACHINE, "Software\\X"));
        assertThat(RegistryPath.parse("HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab"))
                .contains(new RegistryPath(Hive.HKEY_LOCAL_MACHINE, "SOFTWARE\\WOW6432Node\\KasperskyLab"));
        assertThat(RegistryPath.parse("hkcu\\Software")).contains(new RegistryPath(Hive.HKEY_CURRENT_USER, "Software"));
        assertThat(RegistryPath.parse("HKU\\S-1-5-18")).contains(new RegistryPath(Hive.HKEY_USERS, "S-1-5-18"));
        assertThat(RegistryPath.parse("HKCR\\.exe")).contains(new RegistryPath(Hive.HKEY_CLASSES_ROOT, ".exe"));
        assertThat(RegistryPath.parse("HKEY_CURRENT_CONFIG")).contains(new RegistryPath(Hive.HKEY_CURRENT_CONFIG, ""));
    }

    @Test
    void toleratesStrayBackslashesAndRejectsUnknownHives() {
        assertThat(RegistryPath.parse(" \\HKLM\\\\SOFTWARE\\Kaspersky\\ "))
                .contains(new RegistryPath(Hive.HKEY_LOCAL_MACHINE, "SOFTWARE\\Kaspersky"));
        assertThat(RegistryPath.parse("HKXX\\Software")).isEmpty();
        assertThat(RegistryPath.parse("SOFTWARE\\Kaspersky")).isEmpty();
        assertThat(RegistryPath.parse("")).isEmpty();
    }

    @Test
    void stringsStayUnexpanded() {
        RegistryValue path = RegistryData.decode("ImagePath", RegistryData.REG_EXPAND_SZ,
                utf16("%SystemRoot%\\system32\\drivers\\klif.sys\0"));
        assertThat(path.type()).isEqualTo(RegistryValue.Type.EXPAND_SZ);
        assertThat(path.data()).isEqualTo("%SystemRoot%\\system32\\drivers\\klif.sys");

        RegistryValue name = RegistryData.decode("DisplayName", RegistryData.REG_SZ, utf16("Kaspersky"));
        assertThat(name.type()).isEqualTo(RegistryValue.Type.SZ);
        assertThat(name.data()).as("no terminator stored").isEqualTo("Kaspersky");
        assertThat(RegistryData.decode("", RegistryData.REG_SZ, new byte[0]).data()).isEqualTo("");
    }

    @Test
    void multiStringsEndAtTheEmptyString() {
        RegistryValue deps = RegistryData.decode("DependOnService", RegistryData.REG_MULTI_SZ,
                utf16("FltMgr\0klbackupflt\0\0junk\0"));
        assertThat(deps.type()).isEqualTo(RegistryValue.Type.MULTI_SZ);
        assertThat(deps.data()).isEqualTo(List.of("FltMgr", "klbackupflt"));
        assertThat(RegistryData.decode("x", RegistryData.REG_MULTI_SZ, new byte[0]).data()).isEqualTo(List.of());
    }

    @Test
    void dwordsAreUnsignedAndQwordsAreLongs() {
        RegistryValue start = RegistryData.decode("Start", RegistryData.REG_DWORD, littleEndianInt(0xFFFF_FFFE));
        assertThat(start.type()).isEqualTo(RegistryValue.Type.DWORD);
        assertThat(start.data()).isEqualTo(4_294_967_294L);
        assertThat(RegistryData.decode("Big", RegistryData.REG_DWORD_BIG_ENDIAN, new byte[] {0, 0, 1, 2}).data())
                .isEqualTo(258L);

        byte[] qword = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(133_512_345_678_901_234L).array();
        RegistryValue installed = RegistryData.decode("InstallTime", RegistryData.REG_QWORD, qword);
        assertThat(installed.type()).isEqualTo(RegistryValue.Type.QWORD);
        assertThat(installed.data()).isEqualTo(133_512_345_678_901_234L);
    }

    @Test
    void binaryNoneAndOddTypesKeepTheirBytes() {
        RegistryValue blob = RegistryData.decode("Blob", RegistryData.REG_BINARY, new byte[] {1, (byte) 0xAB});
        assertThat(blob.type()).isEqualTo(RegistryValue.Type.BINARY);
        assertThat(blob.asText()).isEqualTo("01ab");

        RegistryValue marker = RegistryData.decode("Marker", RegistryData.REG_NONE, new byte[] {7});
        assertThat(marker.type()).isEqualTo(RegistryValue.Type.NONE);
        assertThat((byte[]) marker.data()).containsExactly(7);

        int regResourceList = 8;
        assertThat(RegistryData.decode("Res", regResourceList, new byte[] {9}).type()).isEqualTo(RegistryValue.Type.BINARY);
        assertThat(RegistryData.decode("Short", RegistryData.REG_DWORD, new byte[] {1, 2}).type())
                .as("too short to be a DWORD").isEqualTo(RegistryValue.Type.BINARY);
    }

    @Test
    void loadsAndAnswersOffWindowsWithoutTouchingJna() throws Exception {
        Class.forName(WindowsLiveRegistry.class.getName(), true, getClass().getClassLoader());
        WindowsLiveRegistry registry = new WindowsLiveRegistry();
        // an unknown hive is answered before any native call, so this runs on Linux too
        assertThat(registry.exists("NOHIVE\\Software")).isFalse();
        assertThat(registry.subkeys("NOHIVE\\Software")).isEmpty();
        assertThat(registry.values("NOHIVE\\Software")).isEmpty();
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] littleEndianInt(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
