package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service removal on the KES fixture (a real export's layout): klif is boot-start (Start 0) and stays for the
 * product's uninstaller; klkbdflt (Start 3) goes, as DeleteService leaves it: no key.
 */
class ServiceRemovalTest {

    static final String SERVICES = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\";

    @TempDir
    Path root;

    @Test
    void bootStartAndEarlyLaunchDriversAreRefusedOthersAreDeleted() throws IOException {
        InMemoryRegistry registry = RegFileParser.parse(Path.of("src/test/resources/registry/kaspersky-kes-windows.reg"));
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, registry);

        assertThat(host.services().list()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("klif");
            assertThat(s.startMode()).isEqualTo("boot");
            assertThat(s.imagePath()).isEqualTo("system32\\DRIVERS\\klif.sys");
        });
        assertThatThrownBy(() -> host.services().remove("klif")).isInstanceOf(ServiceRemoval.Refused.class)
                .hasMessageContaining("boot-start").hasMessageContaining("uninstaller");
        assertThat(registry.exists(SERVICES + "klif")).isTrue();

        host.services().remove("klkbdflt");
        assertThat(registry.exists(SERVICES + "klkbdflt")).isFalse();
        host.services().remove("klkbdflt"); // already gone is the goal, not an error

        registry.createKey(SERVICES + "klelam");
        registry.setValue(SERVICES + "klelam", new RegistryValue("Start", RegistryValue.Type.DWORD, 3L));
        registry.setValue(SERVICES + "klelam", new RegistryValue("Group", RegistryValue.Type.SZ, "Early-Launch"));
        assertThatThrownBy(() -> host.services().remove("klelam")).isInstanceOf(ServiceRemoval.Refused.class)
                .hasMessageContaining("early-launch");
        assertThat(registry.exists(SERVICES + "klelam")).isTrue();
    }
}
