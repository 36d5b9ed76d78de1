package org.riddance.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.riddance.catalog.Category;
import org.riddance.detect.Finding;
import org.riddance.platform.OsFamily;

/** A sandbox holding what Endpoint Security for Linux keeps: settings, a log folder with text and binary files. */
final class BackupFixtures {

    private BackupFixtures() {
    }

    static Finding kesl() {
        return new Finding("kesl", "Kaspersky Endpoint Security for Linux", "kaspersky", Category.PRODUCT, "12.1.0",
                OsFamily.LINUX, List.of(), List.of(), true);
    }

    static void keslData(Path root) throws IOException {
        write(root.resolve("var/opt/kaspersky/kesl/common/kesl.ini"), "[General]\nUseKSN=No\n".getBytes());
        write(root.resolve("var/opt/kaspersky/kesl/common/agreements.ini"), "[EULA]\nAccepted=yes\n".getBytes());
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            log.append("2026-11-20 10:00:").append(i).append(" ODS task finished, 0 threats\n");
        }
        write(root.resolve("var/log/kaspersky/kesl/kesl.log"), log.toString().getBytes());
        byte[] packed = new byte[300_000];
        new Random(7).nextBytes(packed);
        write(root.resolve("var/log/kaspersky/kesl/dumps/events.db"), packed);
    }

    static WrittenBackup backUp(org.riddance.platform.Host host, java.time.Clock clock, BackupPlan plan, Path destination,
                                org.riddance.work.Progress progress, org.riddance.work.Cancellation cancel)
            throws IOException {
        BackupWriter writer = new BackupWriter(host, clock, "test");
        return writer.write(plan, writer.archiveIn(destination), "s1", progress, cancel);
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
