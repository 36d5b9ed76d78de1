package org.riddance.platform;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real hive files for tests, written by hivex (Debian {@code libwin-hivex-perl}, listed in {@code .ci/run}): the
 * {@code minimal} hive of hivex's own test images ({@code libguestfs/hivex}, {@code images/minimal}, kept in the
 * public corpus {@code ../shared/corpus/hives}) copied and filled with {@code hivexregedit --merge}. Keys in the
 * merged files are relative to the hive's root, parents first, as hivexregedit wants them.
 */
public final class HiveFixtures {

    public static final Path CORPUS = Path.of("..", "shared", "corpus", "hives").toAbsolutePath().normalize();

    private static final String HEADER = "Windows Registry Editor Version 5.00\n\n";

    private static final String WINDOWS_VERSION = """
            [\\Microsoft]

            [\\Microsoft\\Windows]

            [\\Microsoft\\Windows\\CurrentVersion]

            [\\Microsoft\\Windows\\CurrentVersion\\Uninstall]

            [\\Microsoft\\Windows NT]

            [\\Microsoft\\Windows NT\\CurrentVersion]
            "ProductName"="Windows 10 Pro"
            "DisplayVersion"="22H2"
            "CurrentBuildNumber"="19045"

            [\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Mozilla Firefox 121.0 (x64 en-US)]
            "DisplayName"="Mozilla Firefox (x64 en-US)"
            "Publisher"="Mozilla"
            "DisplayVersion"="121.0"

            """;

    /** A clean Windows 10 SOFTWARE hive: its version and Firefox. */
    public static final String CLEAN_SOFTWARE = HEADER + WINDOWS_VERSION;

    /** The same with Kaspersky Endpoint Security for Windows 11.11 (values as in kaspersky-kes-windows.reg). */
    public static final String KES_SOFTWARE = CLEAN_SOFTWARE + """
            [\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{C9EF800D-54AA-4F60-AB96-5A3966550F53}]
            "DisplayName"="Kaspersky Endpoint Security for Windows"
            "Publisher"="AO Kaspersky Lab"
            "DisplayVersion"="11.11.0.452"
            "InstallLocation"="C:\\\\Program Files (x86)\\\\Kaspersky Lab\\\\Kaspersky Endpoint Security for Windows\\\\"

            """;

    /** A SYSTEM hive as Windows keeps it: numbered control sets, {@code Select\Current} naming the one in use. */
    public static final String CLEAN_SYSTEM = HEADER + """
            [\\Select]
            "Current"=dword:00000001

            [\\ControlSet001]

            [\\ControlSet001\\Control]

            [\\ControlSet001\\Control\\ComputerName]

            [\\ControlSet001\\Control\\ComputerName\\ComputerName]
            "ComputerName"="OFFLINE-PC"

            [\\ControlSet001\\Services]

            [\\ControlSet001\\Services\\Tcpip]
            "Type"=dword:00000001
            "ImagePath"="System32\\\\drivers\\\\tcpip.sys"

            """;

    public static final String KES_SYSTEM = CLEAN_SYSTEM + """
            [\\ControlSet001\\Services\\klif]
            "Type"=dword:00000002
            "ImagePath"="system32\\\\DRIVERS\\\\klif.sys"

            """;

    /** A service whose Type is binary where Windows keeps a dword: the damaged value of issue 13. */
    public static final String DAMAGED_SERVICE = """
            [\\ControlSet001\\Services\\Broken]
            "Type"=hex:0a,00,00,00
            "ImagePath"="C:\\\\Broken\\\\broken.exe"

            """;

    private HiveFixtures() {
    }

    /** Skips the test, saying why, where hivex or the corpus is missing. */
    public static void requireHivex() {
        assumeTrue(Files.isRegularFile(CORPUS.resolve("minimal")), "public hive corpus not found at " + CORPUS);
        assumeTrue(onPath("hivexregedit"), "hivexregedit not installed (Debian package libwin-hivex-perl)");
    }

    /** Writes {@code hive}: a copy of hivex's minimal hive with {@code regText} merged into it. */
    public static Path hive(Path hive, String regText) throws IOException, InterruptedException {
        Files.copy(CORPUS.resolve("minimal"), hive);
        hive.toFile().setWritable(true, true);
        Path reg = Files.createTempFile(hive.getParent(), "merge", ".reg");
        try {
            Files.writeString(reg, regText, StandardCharsets.UTF_8);
            Process merge = new ProcessBuilder(List.of("hivexregedit", "--merge", hive.toString(), reg.toString()))
                    .redirectErrorStream(true).start();
            String output = new String(merge.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (merge.waitFor() != 0) {
                throw new IOException("hivexregedit --merge failed: " + output);
            }
        } finally {
            Files.delete(reg);
        }
        return hive;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
