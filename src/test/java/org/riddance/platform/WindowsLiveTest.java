package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The live Windows host on a real Windows (the windows-latest and windows-2022 CI jobs, as administrator): the
 * registry, WMI, the service control manager and WinVerifyTrust. Elsewhere each test is disabled, saying so.
 */
@EnabledOnOs(value = OS.WINDOWS, disabledReason = "needs a real Windows: runs in the windows-latest and windows-2022 CI jobs")
class WindowsLiveTest {

    final Host host = Hosts.live();

    @Test
    void aScratchKeyUnderHkcuIsWrittenReadAndDeleted() throws IOException {
        String key = "HKEY_CURRENT_USER\\Software\\Riddance-test-" + UUID.randomUUID();
        WritableRegistry registry = (WritableRegistry) host.registry();
        try {
            registry.setValue(key, new RegistryValue("Probe", RegistryValue.Type.SZ, "a \"b\" c"));
            registry.setValue(key, new RegistryValue("Count", RegistryValue.Type.DWORD, 7L));
            assertThat(registry.exists(key)).isTrue();
            assertThat(registry.value(key, "Probe").orElseThrow().asText()).isEqualTo("a \"b\" c");
            assertThat(registry.value(key, "Count").orElseThrow().data()).isEqualTo(7L);
        } finally {
            registry.removeKey(key);
        }
        assertThat(registry.exists(key)).isFalse();
    }

    @Test
    void securityCenterAnswersAndDefendersNamespaceIsFoundBelowRoot() throws IOException {
        List<AntivirusRegistration> products = host.securityCenter().antivirusProducts();
        Optional<DefenderStatus> defender = host.securityCenter().defender();
        boolean server = host.os().name().toLowerCase(java.util.Locale.ROOT).contains("server");
        if (server) {
            assertThat(products).as("Windows Server has no Security Center").isEmpty();
        }
        // GitHub's images carry Defender; its WMI provider is ROOT\Microsoft\Windows\Defender, three levels down
        assertThat(defender).as("MSFT_MpComputerStatus read").isPresent();
        assertThat(defender.get().productVersion()).isNotBlank();
        assertThat(host.services().list()).anySatisfy(s -> assertThat(s.name()).isEqualToIgnoringCase("WinDefend"));
    }

    @Test
    void aStandInServiceMadeWithScIsStoppedDisabledAndDeletedThroughTheServiceManager() throws IOException {
        String name = "RiddanceStandIn" + Long.toHexString(System.nanoTime());
        String sc = WindowsFolders.SYSTEM.live() + "\\sc.exe";
        ProcessResult created = host.processes().run(Command.of(sc, "create", name, "binPath=",
                WindowsFolders.SYSTEM.live() + "\\svchost.exe -k riddance-none", "start=", "demand").build());
        assertThat(created.exitCode()).as(created.stdout()).isZero();
        assertThat(host.services().list()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo(name);
            assertThat(s.startMode()).isEqualTo("manual");
        });

        host.services().remove(name);

        ProcessResult query = host.processes().run(Command.of(sc, "query", name).build());
        assertThat(query.exitCode()).as("ERROR_SERVICE_DOES_NOT_EXIST").isEqualTo(1060);
    }

    @Test
    void winVerifyTrustTrustsAPubliclySignedFileAndRefusesASelfSignedOne() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java.exe");
        Path edge = Path.of(System.getenv().getOrDefault("ProgramFiles(x86)", "C:\\Program Files (x86)"),
                "Microsoft", "Edge", "Application", "msedge.exe");
        Path signed = Files.exists(edge) ? edge : java;
        assertThat(SignatureTrust.platform().distrust(signed)).as(signed + " is trusted").isEmpty();

        String selfSigned = System.getenv("RIDDANCE_SELF_SIGNED_EXE");
        assumeTrue(selfSigned != null, "RIDDANCE_SELF_SIGNED_EXE not set: the CI job makes that file");
        assertThat(Authenticode.signer(Path.of(selfSigned))).hasValueSatisfying(s ->
                assertThat(s.commonName()).isEqualTo("AO Kaspersky Lab (test stand-in)"));
        assertThat(SignatureTrust.platform().distrust(Path.of(selfSigned))).hasValueSatisfying(reason ->
                assertThat(reason).contains("CERT_E_UNTRUSTEDROOT"));
    }
}
