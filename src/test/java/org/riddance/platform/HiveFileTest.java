package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hive reader against real hives: hivex's own test images (the public corpus) and hives written by hivex.
 * What each image holds is documented in hivex's {@code images/README}.
 */
class HiveFileTest {

    private static Path corpus(String name) {
        Path file = HiveFixtures.CORPUS.resolve(name);
        assumeTrue(Files.isRegularFile(file), "public hive corpus not found at " + file);
        return file;
    }

    @Test
    void binaryValuesAroundEverySizeWhereStorageChangesReadBackExactly() throws IOException {
        HiveFile hive = HiveFile.open(corpus("rlenvalue_test_hive"));
        int parent = hive.subkey(hive.root(), "ModerateValueParent");
        byte[] pattern = "0123456789ABCDEF0123456789ABCDEF0".getBytes(StandardCharsets.US_ASCII);

        List<RegistryValue> values = hive.values(parent);

        assertThat(values).extracting(RegistryValue::name).contains("3Bytes", "16Bytes", "30Bytes", "33Bytes");
        for (RegistryValue value : values) {
            int size = Integer.parseInt(value.name().replace("Bytes", ""));
            assertThat(value.type()).isEqualTo(RegistryValue.Type.BINARY);
            assertThat((byte[]) value.data()).as(value.name()).isEqualTo(Arrays.copyOf(pattern, size));
        }
        assertThat(hive.warnings()).isEmpty();
    }

    @Test
    void namesWrittenByWindowsKeepTheirLettersSymbolsAndEvenANul() throws IOException {
        HiveFile hive = HiveFile.open(corpus("special"));

        List<String> names = hive.subkeys(hive.root()).stream().map(hive::keyName).toList();

        assertThat(names).containsExactly("abcd_äöüß", "weird™", "zero\0key");
        int weird = hive.subkey(hive.root(), "WEIRD™");
        assertThat(hive.values(weird)).extracting(RegistryValue::name).containsExactly("symbols $£₤₧€");
        int umlauts = hive.subkey(hive.root(), "ABCD_ÄÖÜß");
        assertThat(hive.values(umlauts)).singleElement()
                .satisfies(v -> assertThat(v.data()).isEqualTo(0L));
    }

    @Test
    void aHiveWrittenByHivexReadsAsTheRegistryItHolds(@TempDir Path dir) throws Exception {
        HiveFixtures.requireHivex();
        String big = "41,".repeat(19_999) + "42"; // 20000 bytes: stored in segments ("db") past 16344
        Path software = HiveFixtures.hive(dir.resolve("SOFTWARE"), HiveFixtures.KES_SOFTWARE
                + "[\\Vendor]\n\"Big\"=hex:" + big + "\n\"Small\"=dword:0000002a\n\"Text\"=hex(1):" + utf16Hex("Лаборатория Касперского") + "\n"
                + "\"List\"=hex(7):61,00,00,00,62,00,00,00,00,00\n\n");
        Path system = HiveFixtures.hive(dir.resolve("SYSTEM"), HiveFixtures.KES_SYSTEM);

        HiveRegistry registry = HiveRegistry.open(Map.of("SOFTWARE", software, "SYSTEM", system));

        String uninstall = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall";
        assertThat(registry.subkeys(uninstall)).containsExactlyInAnyOrder("{C9EF800D-54AA-4F60-AB96-5A3966550F53}",
                "Mozilla Firefox 121.0 (x64 en-US)");
        assertThat(registry.value(uninstall + "\\{c9ef800d-54aa-4f60-ab96-5a3966550f53}", "displayname"))
                .hasValueSatisfying(v -> assertThat(v.data()).isEqualTo("Kaspersky Endpoint Security for Windows"));
        byte[] bigData = (byte[]) registry.value("HKLM\\SOFTWARE\\Vendor", "Big").orElseThrow().data();
        assertThat(bigData).hasSize(20_000).startsWith(0x41, 0x41).endsWith(0x42);
        assertThat(registry.value("HKLM\\SOFTWARE\\Vendor", "Small").orElseThrow().data()).isEqualTo(42L);
        assertThat(registry.value("HKLM\\SOFTWARE\\Vendor", "Text").orElseThrow().data()).isEqualTo("Лаборатория Касперского");
        assertThat(registry.value("HKLM\\SOFTWARE\\Vendor", "List").orElseThrow().data()).isEqualTo(List.of("a", "b"));
        assertThat(registry.subkeys("HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services")).containsExactlyInAnyOrder("klif", "Tcpip");
        assertThat(registry.origin("HKLM\\SYSTEM\\CurrentControlSet\\Services\\klif", "Type")).hasValue("hive " + system);
        assertThat(registry.exists("HKLM\\SOFTWARE\\Nowhere")).isFalse();
        assertThat(registry.unreadable()).isEmpty();
    }

    /** hivexregedit reads its input as bytes, so text beyond ASCII goes in as the UTF-16LE the hive stores. */
    private static String utf16Hex(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : (text + "\0").getBytes(StandardCharsets.UTF_16LE)) {
            hex.append(hex.isEmpty() ? "" : ",").append(String.format("%02x", b));
        }
        return hex.toString();
    }

    @Test
    void aFileThatIsNoHiveIsReportedNotScannedAsEmpty(@TempDir Path dir) throws IOException {
        Path notHive = Files.writeString(dir.resolve("SOFTWARE"), "not a hive".repeat(1000));

        HiveRegistry registry = HiveRegistry.open(Map.of("SOFTWARE", notHive));

        assertThat(registry.unreadable()).singleElement().asString()
                .contains("HKEY_LOCAL_MACHINE\\SOFTWARE was not read").contains("not a registry hive");
        assertThatThrownBy(() -> HiveFile.open(notHive)).hasMessageContaining("no \"regf\" signature");
    }

    @Test
    void aDamagedCellCostsOnlyItsKeyAndIsNamed(@TempDir Path dir) throws Exception {
        HiveFixtures.requireHivex();
        Path software = HiveFixtures.hive(dir.resolve("SOFTWARE"), HiveFixtures.CLEAN_SOFTWARE);
        byte[] bytes = Files.readAllBytes(software);
        HiveFile sound = HiveFile.of(bytes, software);
        int microsoft = sound.subkey(sound.root(), "Microsoft");
        int windowsNt = sound.subkey(microsoft, "Windows NT");
        int version = sound.subkey(windowsNt, "CurrentVersion");
        // point CurrentVersion's value list far outside the file
        int valueListField = HiveFile.BASE_BLOCK + version + 4 + 40;
        bytes[valueListField + 3] = 0x7F;
        Path damaged = Files.write(dir.resolve("DAMAGED"), bytes);

        HiveRegistry registry = HiveRegistry.open(Map.of("SOFTWARE", damaged));

        assertThat(registry.values("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion")).isEmpty();
        assertThat(registry.subkeys("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall")).hasSize(1);
        assertThat(registry.unreadable()).singleElement().asString()
                .contains(damaged + ", key HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion: value list at offset")
                .contains("lies outside the file");
    }
}
