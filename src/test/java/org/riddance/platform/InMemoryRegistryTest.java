package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRegistryTest {

    private static final String UNINSTALL = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall";

    private static RegistryValue sz(String name, String text) {
        return new RegistryValue(name, RegistryValue.Type.SZ, text);
    }

    @Test
    void creatingAKeyCreatesTheKeysAboveIt() {
        InMemoryRegistry registry = new InMemoryRegistry().createKey(UNINSTALL + "\\{GUID}");

        assertThat(registry.exists("HKEY_LOCAL_MACHINE")).isTrue();
        assertThat(registry.exists("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft")).isTrue();
        assertThat(registry.exists(UNINSTALL + "\\{GUID}")).isTrue();
        assertThat(registry.values(UNINSTALL)).isEmpty();
        assertThat(registry.exists(UNINSTALL + "\\{OTHER}")).isFalse();
        assertThat(registry.exists("HKEY_CURRENT_USER")).isFalse();
    }

    @Test
    void lookupsIgnoreCaseAndAcceptShortHiveNames() {
        InMemoryRegistry registry = new InMemoryRegistry()
                .putValue(UNINSTALL + "\\Firefox", sz("DisplayName", "Mozilla Firefox"));

        for (String path : List.of("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Firefox",
                "hklm\\software\\microsoft\\windows\\currentversion\\uninstall\\FIREFOX",
                "hkey_local_machine\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\firefox\\",
                "HKLM\\\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Firefox")) {
            assertThat(registry.exists(path)).as(path).isTrue();
            assertThat(registry.value(path, "displayname")).as(path).map(RegistryValue::asText)
                    .contains("Mozilla Firefox");
        }
    }

    @Test
    void everyShortHiveNameMeansItsFullName() {
        InMemoryRegistry registry = new InMemoryRegistry()
                .createKey("HKCU\\a").createKey("HKCR\\b").createKey("HKU\\c").createKey("HKCC\\d").createKey("HKLM\\e");

        assertThat(registry.exists("HKEY_CURRENT_USER\\a")).isTrue();
        assertThat(registry.exists("HKEY_CLASSES_ROOT\\b")).isTrue();
        assertThat(registry.exists("HKEY_USERS\\c")).isTrue();
        assertThat(registry.exists("HKEY_CURRENT_CONFIG\\d")).isTrue();
        assertThat(registry.exists("HKEY_LOCAL_MACHINE\\e")).isTrue();
    }

    @Test
    void subkeysKeepTheirSpellingAndComeInTheOrderWindowsEnumeratesThem() {
        InMemoryRegistry registry = new InMemoryRegistry();
        for (String name : List.of("klnagent", "Tcpip", "AVP", "klif", "KLIF")) {
            registry.createKey("HKLM\\SYSTEM\\CurrentControlSet\\Services\\" + name);
        }

        assertThat(registry.subkeys("hklm\\system\\currentcontrolset\\services"))
                .containsExactly("AVP", "klif", "klnagent", "Tcpip");
        assertThat(registry.subkeys("HKLM\\SYSTEM\\Nope")).isEmpty();
    }

    @Test
    void valuesKeepTheOrderTheyWereCreatedInAndCannotBeChangedFromOutside() {
        InMemoryRegistry registry = new InMemoryRegistry()
                .putValue(UNINSTALL + "\\x", sz("DisplayVersion", "1.0"))
                .putValue(UNINSTALL + "\\x", sz("", "default"))
                .putValue(UNINSTALL + "\\x", sz("DisplayName", "X"));

        var values = registry.values(UNINSTALL + "\\x");

        assertThat(values.keySet()).containsExactly("DisplayVersion", "", "DisplayName");
        assertThat(values.get("").asText()).isEqualTo("default");
        assertThatThrownBy(() -> values.put("Sneaky", sz("Sneaky", "?")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(registry.subkeys(UNINSTALL + "\\x")).isEmpty();
    }

    @Test
    void puttingAValueAgainReplacesItInPlaceKeepingTheFirstSpelling() {
        InMemoryRegistry registry = new InMemoryRegistry()
                .putValue("HKCU\\k", sz("Path", "old"))
                .putValue("HKCU\\k", sz("Other", "o"))
                .putValue("HKCU\\k", new RegistryValue("PATH", RegistryValue.Type.EXPAND_SZ, "%new%"));

        assertThat(registry.values("HKCU\\k").keySet()).containsExactly("Path", "Other");
        assertThat(registry.value("HKCU\\k", "path")).contains(
                new RegistryValue("Path", RegistryValue.Type.EXPAND_SZ, "%new%"));
    }

    @Test
    void deletingAKeyDeletesEverythingUnderIt() {
        InMemoryRegistry registry = new InMemoryRegistry()
                .putValue("HKLM\\SOFTWARE\\KasperskyLab\\protected\\KES\\environment", sz("ProductName", "KES"))
                .createKey("HKLM\\SOFTWARE\\Keep");

        assertThat(registry.deleteKey("hklm\\software\\kasperskylab")).isTrue();

        assertThat(registry.exists("HKLM\\SOFTWARE\\KasperskyLab")).isFalse();
        assertThat(registry.exists("HKLM\\SOFTWARE\\KasperskyLab\\protected\\KES\\environment")).isFalse();
        assertThat(registry.values("HKLM\\SOFTWARE\\KasperskyLab\\protected\\KES\\environment")).isEmpty();
        assertThat(registry.subkeys("HKLM\\SOFTWARE")).containsExactly("Keep");
        assertThat(registry.deleteKey("HKLM\\SOFTWARE\\KasperskyLab")).isFalse();
        assertThat(registry.deleteKey("")).isFalse();
    }

    @Test
    void deletingAValueLeavesTheOthers() {
        InMemoryRegistry registry = new InMemoryRegistry()
                .putValue("HKCU\\k", sz("a", "1"))
                .putValue("HKCU\\k", sz("b", "2"));

        assertThat(registry.deleteValue("HKCU\\k", "A")).isTrue();
        assertThat(registry.deleteValue("HKCU\\k", "A")).isFalse();
        assertThat(registry.deleteValue("HKCU\\missing", "b")).isFalse();
        assertThat(registry.values("HKCU\\k").keySet()).containsExactly("b");
    }

    @Test
    void keysMustStartWithAHive() {
        InMemoryRegistry registry = new InMemoryRegistry();

        assertThatThrownBy(() -> registry.createKey("SOFTWARE\\Microsoft"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOFTWARE\\Microsoft");
        assertThatThrownBy(() -> registry.createKey("\\")).isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.exists("SOFTWARE\\Microsoft")).isFalse();
        assertThat(registry.exists("")).isFalse();
        assertThat(registry.values("")).isEmpty();
    }

    @Test
    void caseIsFoldedPerCharacterWithoutLocaleRules() {
        InMemoryRegistry registry = new InMemoryRegistry().createKey("HKCU\\Straße\\Ключ");

        assertThat(registry.exists("HKCU\\STRAßE\\ключ")).isTrue();
        assertThat(registry.exists("HKCU\\STRASSE")).isFalse();
    }

    /** Look-ups walk from the key looked up before when they can: any order must give what a fresh walk gives. */
    @Test
    void lookUpsInAnyOrderAgreeWithAFreshRegistry() {
        InMemoryRegistry registry = new InMemoryRegistry()
                .putValue(UNINSTALL + "\\A", sz("DisplayName", "a"))
                .putValue(UNINSTALL + "\\B", sz("DisplayName", "b"))
                .putValue(UNINSTALL + "\\B\\Sub", sz("DisplayName", "b sub"));

        assertThat(registry.subkeys(UNINSTALL)).containsExactly("A", "B");
        assertThat(registry.value(UNINSTALL + "\\A", "DisplayName")).map(RegistryValue::asText).contains("a");
        assertThat(registry.value(UNINSTALL + "\\B", "DisplayName")).map(RegistryValue::asText).contains("b");
        assertThat(registry.value(UNINSTALL + "\\b\\\\SUB\\", "displayname")).map(RegistryValue::asText)
                .contains("b sub");
        assertThat(registry.exists(UNINSTALL + "\\C")).isFalse();
        assertThat(registry.exists(UNINSTALL + "X\\A")).isFalse(); // shares the letters of the path, not its names
        assertThat(registry.exists("HKLM")).isTrue();
        assertThat(registry.exists("")).isFalse();

        registry.deleteKey(UNINSTALL + "\\B");
        assertThat(registry.exists(UNINSTALL + "\\B\\Sub")).isFalse();
        registry.createKey(UNINSTALL + "\\B\\Sub");
        assertThat(registry.exists(UNINSTALL + "\\B\\Sub")).isTrue();
        assertThat(registry.values(UNINSTALL + "\\B\\Sub")).isEmpty();
        assertThat(registry.values(UNINSTALL + "\\A")).containsOnlyKeys("DisplayName");
    }
}
