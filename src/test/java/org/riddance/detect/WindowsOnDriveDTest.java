package org.riddance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.catalog.Category;
import org.riddance.platform.Host;
import org.riddance.platform.HiveFixtures;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OfflineWindows;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegFileParser;
import org.riddance.platform.StandInSigning;
import org.riddance.platform.WindowsFolders;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Windows installed on D: (a second disk, or a dual boot): the machine says so in the values Windows keeps for its
 * folders, written here as regedit exports them (libyal winreg-kb, "Environment variables": {@code SystemRoot},
 * {@code ProgramFilesDir}, {@code ProgramFilesDir (x86)} as REG_SZ, ProfileList {@code ProgramData} as the
 * REG_EXPAND_SZ {@code %SystemDrive%\ProgramData}). Nothing lies on a C: of this machine, so every hit below is
 * found only by reading D:.
 */
class WindowsOnDriveDTest {

    /** The folder values of a Windows installed on D:, in regedit's export form (REG_EXPAND_SZ as hex(2) UTF-16LE). */
    static final String ON_D = """
            Windows Registry Editor Version 5.00

            [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]
            "SystemRoot"="D:\\\\WINDOWS"

            [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList]
            "ProgramData"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,44,00,72,00,69,00,76,00,65,00,25,00,\\
              5c,00,50,00,72,00,6f,00,67,00,72,00,61,00,6d,00,44,00,61,00,74,00,61,00,00,00

            [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion]
            "ProgramFilesDir"="D:\\\\Program Files"
            "ProgramFilesDir (x86)"="D:\\\\Program Files (x86)"

            [HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\bdkvflt]
            "Type"=dword:00000001
            "Start"=dword:00000003
            "ErrorControl"=dword:00000001
            "ImagePath"=hex(2):5c,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,00,5c,00,53,00,\\
              79,00,73,00,74,00,65,00,6d,00,33,00,32,00,5c,00,64,00,72,00,69,00,76,00,65,00,72,00,73,00,5c,00,62,\\
              00,64,00,6b,00,76,00,66,00,6c,00,74,00,2e,00,73,00,79,00,73,00,00,00
            "DisplayName"="Stand-in filter driver of another company's product"
            """;

    @TempDir
    Path root;
    InMemoryRegistry registry;

    @BeforeEach
    void windowsOnD() throws Exception {
        registry = RegFileParser.parse(ON_D.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), "windows-on-d.reg");
    }

    @Test
    void theMachinesFoldersComeFromItsRegistry() {
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, registry);

        assertThat(WindowsFolders.WINDOWS.path(host)).isEqualTo("D:\\WINDOWS");
        assertThat(WindowsFolders.SYSTEM.path(host)).isEqualTo("D:\\WINDOWS\\System32");
        assertThat(WindowsFolders.PROGRAM_DATA.path(host)).isEqualTo("D:\\ProgramData");
        assertThat(WindowsFolders.PROGRAM_FILES_X86.path(host)).isEqualTo("D:\\Program Files (x86)");
        assertThat(WindowsFolders.onThisMachine(host, "C:\\ProgramData\\Kaspersky Lab")).isEqualTo("D:\\ProgramData\\Kaspersky Lab");
        assertThat(WindowsFolders.asDefaultLayout(host, "d:\\program files (x86)\\Kaspersky Lab"))
                .isEqualTo("C:\\Program Files (x86)\\Kaspersky Lab");
        assertThat(WindowsFolders.onThisMachine(host, "E:\\Data")).as("no Windows folder: as it is").isEqualTo("E:\\Data");
        assertThat(WindowsFolders.PROGRAM_FILES.path(Hosts.sandbox(root, OsFamily.WINDOWS, new InMemoryRegistry())))
                .as("a registry without the values: a default install").isEqualTo("C:\\Program Files");
    }

    @Test
    void signedBinariesDriversAndLeftoversAreFoundOnD() throws Exception {
        byte[] kasperskySigned = StandInSigning.peSignedBy("CN=AO Kaspersky Lab, O=AO Kaspersky Lab");
        write("D/Program Files (x86)/Baidu Security/BaiduAntivirus/engine/kavbase.dll", kasperskySigned);
        write("D/WINDOWS/System32/drivers/bdkvflt.sys", kasperskySigned);
        write("D/Program Files (x86)/Kaspersky Lab/Kaspersky Endpoint Security for Windows/avp.exe", kasperskySigned);
        write("D/ProgramData/Kaspersky Lab/KES/Report/report.txt", "stand-in".getBytes(StandardCharsets.UTF_8));

        ScanReport report = scan(Hosts.sandbox(root, OsFamily.WINDOWS, registry));

        List<Evidence> evidence = report.findings().stream().flatMap(f -> f.evidence().stream()).toList();
        assertThat(evidence).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EvidenceKind.SIGNED_BINARY);
            assertThat(e.location()).isEqualTo("D:\\Program Files (x86)\\Baidu Security\\BaiduAntivirus\\engine\\kavbase.dll");
        });
        assertThat(evidence).anySatisfy(e -> {
            assertThat(e.location()).endsWith("Services\\bdkvflt");
            assertThat(e.detail()).contains("image signed by \"AO Kaspersky Lab\"");
        });
        assertThat(evidence).extracting(Evidence::location)
                .contains("D:\\ProgramData\\Kaspersky Lab\\KES", "D:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Endpoint Security for Windows")
                .noneMatch(location -> location.startsWith("C:"));
        assertThat(report.findings()).filteredOn(f -> f.category() == Category.EMBEDDED_ENGINE)
                .flatExtracting(Finding::evidence).extracting(Evidence::location)
                .as("the vendor's own folder on D: is its product's leftover, not an embedded engine")
                .noneMatch(location -> location.contains("Kaspersky Lab"));
    }

    @Test
    void aMountedDiskWhoseWindowsWasDriveDReadsItsOwnPaths() throws Exception {
        HiveFixtures.requireHivex();
        Path volume = root.resolve("mnt");
        Path config = Files.createDirectories(volume.resolve("Windows/System32/config"));
        HiveFixtures.hive(config.resolve("SOFTWARE"), """
                Windows Registry Editor Version 5.00

                [\\Microsoft]

                [\\Microsoft\\Windows NT]

                [\\Microsoft\\Windows NT\\CurrentVersion]
                "ProductName"="Windows 10 Pro"
                "SystemRoot"="D:\\\\WINDOWS"

                """);
        HiveFixtures.hive(config.resolve("SYSTEM"), HiveFixtures.CLEAN_SYSTEM);
        write("mnt/ProgramData/Kaspersky Lab/KES/Report/report.txt", "stand-in".getBytes(StandardCharsets.UTF_8));

        Host host = OfflineWindows.host(OfflineWindows.find(volume).orElseThrow());

        assertThat(host.files().resolve("D:\\ProgramData\\Kaspersky Lab")).as("drive D: is the mounted volume")
                .isEqualTo(volume.toAbsolutePath().resolve("ProgramData/Kaspersky Lab"));
        assertThat(scan(host).findings()).flatExtracting(Finding::evidence).extracting(Evidence::location)
                .contains("D:\\ProgramData\\Kaspersky Lab\\KES");
    }

    private ScanReport scan(Host host) {
        return Detector.standard(Clock.systemUTC()).scan(host, CatalogLoader.builtIn(), Progress.NONE, Cancellation.none());
    }

    private void write(String path, byte[] content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
