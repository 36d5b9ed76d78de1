package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrivesTest {

    @Test
    void findsUsbSticksAndDesktopMountsButNotTheSystemDisk() {
        String mounts = """
                /dev/nvme0n1p2 / ext4 rw,relatime 0 0
                proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
                /dev/nvme0n1p1 /boot/efi vfat rw 0 0
                /dev/sdb1 /mnt/backup\\040stick vfat rw,nosuid,nodev 0 0
                /dev/sdc1 /run/media/tech/KINGSTON exfat rw 0 0
                /dev/sda1 /srv ext4 rw 0 0
                """;
        Map<String, String> removable = Map.of("sdb", "1", "sdc", "0", "sda", "0", "nvme0n1", "0");

        var drives = Drives.linuxRemovable(mounts, disk -> removable.getOrDefault(disk, ""));

        assertThat(drives).extracting(Drives.Drive::path)
                .containsExactly(Path.of("/mnt/backup stick"), Path.of("/run/media/tech/KINGSTON"));
        assertThat(drives).extracting(Drives.Drive::label).containsExactly("backup stick", "KINGSTON");
    }
}
