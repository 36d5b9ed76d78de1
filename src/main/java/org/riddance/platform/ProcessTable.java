package org.riddance.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The processes running on the machine. */
public interface ProcessTable {

    ProcessTable NONE = List::of;

    List<RunningProcess> list() throws IOException;

    /** Every process this JVM can see (Windows, macOS). */
    static ProcessTable live() {
        return () -> ProcessHandle.allProcesses().map(h -> {
            String image = h.info().command().orElse("");
            String name = image.isEmpty() ? "" : Path.of(image).getFileName().toString();
            return new RunningProcess(h.pid(), name, image);
        }).filter(p -> !p.name().isEmpty()).toList();
    }

    /**
     * Linux: {@code /proc} under a system root, so the same code reads the live machine and a sandbox that
     * carries a stand-in {@code proc/<pid>/comm}.
     */
    static ProcessTable procFs(SystemRoot root) {
        return () -> {
            Path proc = root.resolve("/proc");
            if (!Files.isDirectory(proc)) {
                return List.of();
            }
            List<RunningProcess> processes = new ArrayList<>();
            try (Stream<Path> entries = Files.list(proc)) {
                for (Path dir : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        String name = Files.readString(dir.resolve("comm")).strip();
                        Path exe = dir.resolve("exe");
                        String image = Files.isSymbolicLink(exe) ? Files.readSymbolicLink(exe).toString() : name;
                        processes.add(new RunningProcess(Long.parseLong(dir.getFileName().toString()), name, image));
                    } catch (IOException | SecurityException e) {
                        // the process ended while we read it, or it is not ours to read
                    }
                }
            }
            return processes;
        };
    }
}
