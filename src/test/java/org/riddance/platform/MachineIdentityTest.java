package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under {@code --root DIR} the machine is DIR's: its {@code etc/machine-id} and hostname, or its hives' MachineGuid. */
class MachineIdentityTest {

    @TempDir
    Path root;

    @Test
    void aLinuxRootIsNamedByItsOwnMachineIdAndHostname() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/machine-id"), "5F3C0A7E9B2D4C61A8E0F1D2C3B4A596\n");
        Files.writeString(root.resolve("etc/hostname"), "reception-pc\n");

        MachineIdentity machine = MachineIdentity.of(Hosts.sandbox(root));

        assertThat(machine).isEqualTo(new MachineIdentity("reception-pc", "5f3c0a7e9b2d4c61a8e0f1d2c3b4a596"));
        assertThat(machine.sameAs(new MachineIdentity("renamed-pc", "5f3c0a7e9b2d4c61a8e0f1d2c3b4a596"))).isTrue();
        assertThat(machine.sameAs(new MachineIdentity("reception-pc", "0000000000000000000000000000beef"))).isFalse();
        assertThat(machine.sameAs(new MachineIdentity("reception-pc", ""))).as("an archive without an id").isFalse();
    }

    @Test
    void aWindowsRootIsNamedByItsMachineGuid() throws IOException {
        String reg = "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography]\r\n"
                + "\"MachineGuid\"=\"8e2a1c34-5b6d-4f70-9a81-b2c3d4e5f607\"\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName]\r\n"
                + "\"ComputerName\"=\"FRONT-DESK\"\r\n";
        InMemoryRegistry registry = RegFileParser.parse(reg.getBytes(StandardCharsets.UTF_8), "machine.reg");

        MachineIdentity machine = MachineIdentity.of(Hosts.sandbox(root, OsFamily.WINDOWS, registry));

        assertThat(machine).isEqualTo(new MachineIdentity("FRONT-DESK", "8e2a1c34-5b6d-4f70-9a81-b2c3d4e5f607"));
    }

    @Test
    void aRootWithoutAnIdIsOnlyItsHostname() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hostname"), "demo-pc\n");

        MachineIdentity machine = MachineIdentity.of(Hosts.sandbox(root));

        assertThat(machine.machineId()).isEmpty();
        assertThat(machine.sameAs(new MachineIdentity("DEMO-PC", ""))).isTrue();
    }
}
