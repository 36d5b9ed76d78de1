package org.riddance.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.RegFileParser;
import org.riddance.platform.RegistryValue;

/** UpperFilters editing on a .reg fixture: Kaspersky's filters out, Windows' class drivers and third-party filters kept. */
class UpperFiltersTest {

    static final String CLASS = "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\Class\\";
    static final String KEYBOARD = CLASS + "{4D36E96B-E325-11CE-BFC1-08002BE10318}";
    static final String MOUSE = CLASS + "{4D36E96F-E325-11CE-BFC1-08002BE10318}";
    static final String SYSTEM = CLASS + "{4D36E97D-E325-11CE-BFC1-08002BE10318}";
    static final List<String> KASPERSKY = List.of("klfltdev", "klkbdflt", "klmouflt");

    @TempDir
    Path backups;
    InMemoryRegistry registry;

    @BeforeEach
    void load() throws IOException {
        registry = RegFileParser.parse(Path.of("src/test/resources/registry/upper-filters.reg"));
    }

    @Test
    void keyboardKeepsKbdclassAndTheThirdPartyFilterInTheirOrder() throws IOException {
        UpperFilters.Change change = UpperFilters.clean(registry, KEYBOARD, KASPERSKY, backups);

        assertThat(change.before()).containsExactly("kbdclass", "klkbdflt", "KvmKbdFilter");
        assertThat(change.removed()).containsExactly("klkbdflt");
        assertThat(registry.value(KEYBOARD, "UpperFilters").orElseThrow().asList()).containsExactly("kbdclass", "KvmKbdFilter");
        assertThat(registry.value(KEYBOARD, "UpperFilters").orElseThrow().type()).isEqualTo(RegistryValue.Type.MULTI_SZ);
        assertThat(registry.value(KEYBOARD, "Class").orElseThrow().asText()).isEqualTo("Keyboard");
        assertThat(registry.exists(KEYBOARD + "\\0000")).isTrue();
    }

    /** Kaspersky for Windows 21.x lists its filters with the build tag (seen as klkbdflt.K4W-21-26 on a public install log). */
    @Test
    void aBuildSuffixedFilterComesOutAndALookAlikeStays() throws IOException {
        registry.setValue(KEYBOARD, new RegistryValue("UpperFilters", RegistryValue.Type.MULTI_SZ,
                List.of("kbdclass", "klkbdflt.K4W-21-26", "klkbdfltx", "KvmKbdFilter")));

        UpperFilters.Change change = UpperFilters.clean(registry, KEYBOARD, KASPERSKY, backups);

        assertThat(change.removed()).containsExactly("klkbdflt.K4W-21-26");
        assertThat(registry.value(KEYBOARD, "UpperFilters").orElseThrow().asList())
                .containsExactly("kbdclass", "klkbdfltx", "KvmKbdFilter");
    }

    @Test
    void mouseFilterIsMatchedWithoutCaseAndMouclassStays() throws IOException {
        UpperFilters.clean(registry, MOUSE, KASPERSKY, backups);

        assertThat(registry.value(MOUSE, "UpperFilters").orElseThrow().asList()).containsExactly("mouclass", "SynTP");
    }

    @Test
    void theOldValueIsBackedUpFirstAsARegFileThatMergesBackToTheSameValue() throws IOException {
        UpperFilters.Change change = UpperFilters.clean(registry, KEYBOARD, KASPERSKY, backups);

        Path backup = change.backup().orElseThrow();
        assertThat(backup.getFileName().toString()).isEqualTo("UpperFilters-4D36E96B-E325-11CE-BFC1-08002BE10318.reg");
        byte[] bytes = Files.readAllBytes(backup);
        assertThat(bytes[0]).isEqualTo((byte) 0xFF);
        assertThat(bytes[1]).isEqualTo((byte) 0xFE);
        InMemoryRegistry restored = RegFileParser.parse(backup);
        assertThat(restored.value(KEYBOARD, "UpperFilters").orElseThrow().asList())
                .containsExactly("kbdclass", "klkbdflt", "KvmKbdFilter");
        assertThat(restored.values(KEYBOARD)).containsOnlyKeys("UpperFilters"); // nothing else of the class is in the file
    }

    @Test
    void aClassWithOnlyTheVendorsFilterIsLeftWithAnEmptyList() throws IOException {
        UpperFilters.Change change = UpperFilters.clean(registry, SYSTEM, KASPERSKY, backups);

        assertThat(change.removed()).containsExactly("klfltdev");
        assertThat(registry.value(SYSTEM, "UpperFilters").orElseThrow().asList()).isEmpty();
    }

    @Test
    void aClassWithoutVendorFiltersIsNotWrittenAndNotBackedUp() throws IOException {
        registry.putValue(KEYBOARD, new RegistryValue("UpperFilters", RegistryValue.Type.MULTI_SZ, List.of("kbdclass")));

        UpperFilters.Change change = UpperFilters.clean(registry, KEYBOARD, KASPERSKY, backups);

        assertThat(change.changed()).isFalse();
        assertThat(change.backup()).isEmpty();
        try (var files = Files.list(backups)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aValueThatIsNotAListIsRefusedAndLeftAlone() {
        registry.putValue(KEYBOARD, new RegistryValue("UpperFilters", RegistryValue.Type.SZ, "klkbdflt"));

        assertThatThrownBy(() -> UpperFilters.clean(registry, KEYBOARD, KASPERSKY, backups))
                .isInstanceOf(IOException.class).hasMessageContaining("not a list");
        assertThat(registry.value(KEYBOARD, "UpperFilters").orElseThrow().asText()).isEqualTo("klkbdflt");
    }
}
