package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unit folders read directly must say what {@code systemctl --root} says about the same folders. The units
 * are laid out the way Debian's systemd 252 and Kaspersky's packages lay them out (kesl.service is KESL 12's
 * unit, wanted by multi-user.target, per reference/kaspersky.md), one unit for each state systemctl can report.
 */
class UnitFilesTest {

    @TempDir
    Path root;

    @BeforeEach
    void layOutUnits() throws IOException {
        unit("/lib/systemd/system/kesl.service", "[Unit]\nDescription=KESL\n[Service]\nExecStart=/opt/kaspersky/kesl/libexec/kesl\n"
                + "[Install]\nWantedBy=multi-user.target\n");
        link("/etc/systemd/system/multi-user.target.wants/kesl.service", "/lib/systemd/system/kesl.service");
        unit("/lib/systemd/system/klnagent64.service", "[Service]\nExecStart=/opt/x\n[Install]\nWantedBy=multi-user.target\n");
        unit("/usr/lib/systemd/system/plain.service", "[Service]\nExecStart=/bin/true\n");
        unit("/lib/systemd/system/gone.service", "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n");
        link("/etc/systemd/system/gone.service", "/dev/null");
        unit("/etc/systemd/system/emptied.service", "");
        unit("/lib/systemd/system/helper.service", "[Service]\nExecStart=/bin/true\n[Install]\nAlso=kesl.service\n");
        unit("/lib/systemd/system/systemd-timedated.service", "[Service]\nExecStart=/bin/true\n");
        link("/lib/systemd/system/dbus-org.freedesktop.timedate1.service", "systemd-timedated.service");
        unit("/lib/systemd/system/ssh.service", "[Service]\nExecStart=/usr/sbin/sshd\n[Install]\nWantedBy=multi-user.target\n"
                + "Alias=sshd.service\n");
        link("/etc/systemd/system/sshd.service", "/lib/systemd/system/ssh.service");
        unit("/lib/systemd/system/getty@.service", "[Service]\nExecStart=/sbin/agetty\n[Install]\nWantedBy=getty.target\n"
                + "DefaultInstance=tty1\n");
        link("/etc/systemd/system/getty.target.wants/getty@tty1.service", "/lib/systemd/system/getty@.service");
        unit("/lib/systemd/system/container-getty@.service", "[Service]\nExecStart=/sbin/agetty\n[Install]\nWantedBy=getty.target\n");
        link("/etc/systemd/system/getty.target.wants/container-getty@1.service", "/lib/systemd/system/container-getty@.service");
        unit("/lib/systemd/system/serial@.service", "[Service]\nExecStart=/sbin/agetty\n[Install]\nWantedBy=getty.target\n");
        unit("/opt/vendor/vendor.service", "[Service]\nExecStart=/opt/vendor/run\n[Install]\nWantedBy=multi-user.target\n");
        link("/etc/systemd/system/vendor.service", "/opt/vendor/vendor.service");
        unit("/lib/systemd/system/for-now.service", "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n");
        link("/run/systemd/system/multi-user.target.wants/for-now.service", "/lib/systemd/system/for-now.service");
        unit("/etc/systemd/system/local.service", "[Service]\nExecStart=/bin/true\n[Install]\nRequiredBy=multi-user.target\n");
        link("/etc/systemd/system/multi-user.target.requires/local.service", "../local.service");
        // a hand-written unit saved in Latin-1 (not UTF-8): it must not stop the others from being read
        Path latin1 = root.resolve("etc/systemd/system/praxis.service");
        Files.write(latin1, "# Dienst f\u00fcr die Praxis\n[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void eachStateIsReadAsSystemctlReadsIt() throws IOException {
        Map<String, String> read = new UnitFiles(root).services();

        assertThat(read).containsEntry("kesl", "enabled").containsEntry("klnagent64", "disabled")
                .containsEntry("plain", "static").containsEntry("gone", "masked").containsEntry("emptied", "masked")
                .containsEntry("helper", "indirect").containsEntry("dbus-org.freedesktop.timedate1", "alias")
                .containsEntry("ssh", "enabled").containsEntry("sshd", "alias").containsEntry("getty@", "enabled").containsEntry("container-getty@", "indirect")
                .containsEntry("serial@", "disabled").containsEntry("vendor", "linked")
                .containsEntry("for-now", "enabled-runtime").containsEntry("local", "enabled")
                .containsEntry("praxis", "disabled");
        assertThat(read).doesNotContainKey("getty@tty1");
    }

    @Test
    void systemctlWithTheSameRootSaysTheSame() throws IOException {
        assumeTrue(PosixPrivileges.onPath("systemctl").isPresent(), "systemctl is not installed; nothing to compare with");
        ProcessResult listed = new SystemProcessRunner().run(Command.of("systemctl").arg("--root=" + root)
                .args("list-unit-files", "--type=service", "--no-legend", "--no-pager", "--plain")
                .timeout(Duration.ofMinutes(1)).build());
        assertThat(listed.succeeded()).as(listed.stderr()).isTrue();
        Map<String, String> bySystemctl = new TreeMap<>();
        listed.stdout().lines().map(l -> l.trim().split("\\s+")).filter(cols -> cols.length >= 2)
                .forEach(cols -> bySystemctl.put(cols[0].substring(0, cols[0].length() - ".service".length()), cols[1]));

        assertThat(bySystemctl).hasSize(17);
        assertThat(new UnitFiles(root).services()).isEqualTo(bySystemctl);
    }

    @Test
    void aScanForAFewNamesGetsTheirStatesAsTheWholeListHasThem() throws IOException {
        Map<String, String> all = new UnitFiles(root).services();

        Map<String, String> few = new UnitFiles(root).services(name -> name.startsWith("k") || name.equals("getty@"));

        assertThat(few).containsOnlyKeys("kesl", "klnagent64", "getty@");
        assertThat(few).allSatisfy((name, state) -> assertThat(state).isEqualTo(all.get(name)));
        assertThat(new UnitFiles(root).services(name -> false)).isEmpty();
    }

    @Test
    void aRootWithoutSystemdHasNoUnits() throws IOException {
        assertThat(new UnitFiles(root.resolve("lib")).services()).isEmpty();
    }

    private void unit(String path, String content) throws IOException {
        Path file = root.resolve(path.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void link(String path, String target) throws IOException {
        Path file = root.resolve(path.substring(1));
        Files.createDirectories(file.getParent());
        Files.createSymbolicLink(file, Path.of(target));
    }
}
