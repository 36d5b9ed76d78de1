package org.riddance.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.platform.OsFamily;

/**
 * The fleet playbook (installer/ansible/site.yml) run for real by Debian's ansible-core against the three hosts of
 * installer/ansible/test/inventory.ini: all on this machine (ansible_connection=local), each removing the stand-ins
 * of its own demo sandbox with target/riddance.jar. Three signed receipts must come home, each verifying with
 * openssl, and the key's passphrase must appear nowhere in ansible's most verbose output.
 *
 * <p>The demo sandbox has no replacement antivirus, so every receipt is signed FAIL (exit 1): the play reports it
 * and goes on, and fails only when riddance_fail_on_not_pass asks it to.
 */
class AnsiblePlaybookIT {

    private static final Path BASE = Path.of("").toAbsolutePath();
    private static final Path JAR = BASE.resolve("target/riddance.jar");
    private static final Path PLAYBOOK = BASE.resolve("installer/ansible/site.yml");
    private static final Path INVENTORY = BASE.resolve("installer/ansible/test/inventory.ini");
    private static final List<String> HOSTS = List.of("reception", "accounts", "back-office");
    /** With Jinja in it: the vars file marks it !unsafe, as the README says, or it would not unlock the key. */
    private static final String PASSPHRASE = "fleet-test-{{ Passphrase }}-7c1e";
    private static final Duration PLAY = Duration.ofMinutes(10);
    private static final Duration TOOL = Duration.ofMinutes(2);

    @BeforeAll
    static void toolsArePresent() {
        assumeTrue(OsFamily.current() == OsFamily.LINUX, "the playbook test runs its three hosts on this Linux machine");
        assumeTrue(Tool.onPath("ansible-playbook"), "ansible-playbook is not installed (apt-get install ansible-core)");
        assumeTrue(Tool.onPath("dpkg-deb"), "dpkg-deb is not installed: it builds the demo sandboxes the hosts clean");
        assumeTrue(Tool.onPath("openssl"), "openssl is not installed: it verifies the receipts that came home");
        assertThat(JAR).as("the jar mvn package makes").isRegularFile();
    }

    @Test
    void theSyntaxIsValid(@TempDir Path tmp) throws Exception {
        Tool check = ansible(tmp, List.of("--syntax-check", "-i", INVENTORY.toString(), PLAYBOOK.toString(),
                "-e", "riddance_test_dir=" + tmp));
        assertThat(check.exit()).as(check.out()).isZero();
    }

    @Test
    void ansibleLintFindsNothing(@TempDir Path tmp) throws Exception {
        assumeTrue(Tool.onPath("ansible-lint"), "ansible-lint is not installed (optional: apt-get install ansible-lint)");
        Tool lint = Tool.run(BASE.resolve("installer/ansible"), TOOL, ansibleEnvironment(tmp),
                List.of("ansible-lint", "--offline", "--nocolor", "--profile", "production", "site.yml"));
        assertThat(lint.exit()).as(lint.out()).isZero();
    }

    @Test
    void threeHostsSendTheirSignedReceiptsHome(@TempDir Path tmp) throws Exception {
        Path key = technicianKey(tmp);
        for (String host : HOSTS) {
            riddance(tmp, Map.of(), "demo", "create", "--hostname", host, tmp.resolve(host).resolve("root").toString());
        }
        Path collected = tmp.resolve("collected");
        Tool play = ansible(tmp, playbook(tmp, key, collected, "-vvv", "-e", "riddance_rollup=true",
                "-e", "riddance_rollup_trust=" + key.resolveSibling("riddance-signing.pub.pem")));

        assertThat(play.exit()).as(play.out()).isZero();
        assertThat(play.out()).as("the passphrase, in ansible's most verbose output").doesNotContain(PASSPHRASE);
        for (String host : HOSTS) {
            assertThat(play.out()).contains(host + ": FAIL R-");
            Path receipt = onlyReceipt(collected.resolve(host));
            verifies(receipt);
            assertThat(collected.resolve(host).resolve(id(receipt) + ".pub.pem"))
                    .as("signed with the technician's key").hasSameTextualContentAs(key.resolveSibling("riddance-signing.pub.pem"));
            assertThat(collected.resolve(host).resolve(id(receipt) + ".receipt.pdf")).isNotEmptyFile();
            assertThat(tmp.resolve(host).resolve("root/var/lib/dpkg/info/kesl.list")).as("the stand-in was purged on " + host)
                    .doesNotExist();
        }
        assertThat(keyFoldersIn(tmp)).as("the key's temporary folders on the hosts, deleted after the run").isEmpty();
        try (Stream<Path> files = Files.list(collected.resolve("rollup"))) {
            Path summary = files.filter(p -> p.toString().endsWith(".rollup.json")).findFirst()
                    .orElseThrow(() -> new AssertionError("no signed roll-up in " + collected.resolve("rollup")));
            String id = summary.getFileName().toString().replace(".rollup.json", "");
            Tool openssl = Tool.run(summary.getParent(), TOOL, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
                    id + ".pub.pem", "-rawin", "-in", id + ".rollup.json", "-sigfile", id + ".rollup.sig");
            assertThat(openssl.exit()).as(openssl.out()).isZero();
            com.fasterxml.jackson.databind.JsonNode entries = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(summary.toFile()).get("entries");
            List<String> hosts = new java.util.ArrayList<>();
            entries.forEach(e -> hosts.add(e.get("host").asText()));
            assertThat(hosts).as("one row per PC, each sandbox named as its host").containsExactlyInAnyOrderElementsOf(HOSTS);
        }

        // the same play asked to fail on a receipt that is not PASS: it does, and still brings that receipt home
        Tool strict = ansible(tmp, concat(playbook(tmp, key, collected), "--limit", "reception",
                "-e", "riddance_fail_on_not_pass=true"));

        assertThat(strict.exit()).as(strict.out()).isNotZero();
        assertThat(strict.out()).contains("riddance_fail_on_not_pass is set");
        try (Stream<Path> files = Files.list(collected.resolve("reception"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".receipt.json")).count()).isEqualTo(2);
        }
        assertThat(keyFoldersIn(tmp)).isEmpty();
    }

    private static List<String> playbook(Path tmp, Path key, Path collected, String... more) throws IOException {
        Path secrets = tmp.resolve("secrets.yml"); // as a vault would give it: not on ansible's command line
        Files.writeString(secrets, "riddance_key_passphrase: !unsafe \"" + PASSPHRASE + "\"\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        return concat(List.of("-i", INVENTORY.toString(), PLAYBOOK.toString(), "-e", "riddance_test_dir=" + tmp,
                "-e", "riddance_collect_dir=" + collected, "-e", "riddance_jar=" + JAR, "-e", "riddance_key=" + key,
                "-e", "@" + secrets), more);
    }

    private static Path technicianKey(Path tmp) throws Exception {
        Path keys = tmp.resolve("keys");
        riddance(tmp, Map.of("RIDDANCE_PASSPHRASE", PASSPHRASE), "keygen", "--out", keys.toString(), "--name", "Ana Silva");
        return keys.resolve("riddance-signing.p12");
    }

    private static Path onlyReceipt(Path folder) throws IOException {
        assertThat(folder).as("the host's folder on the controller").isDirectory();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> receipts = files.filter(p -> p.toString().endsWith(".receipt.json")).toList();
            assertThat(receipts).as("receipts in " + folder).hasSize(1);
            return receipts.get(0);
        }
    }

    /** The third-party check the receipt format promises (GUIDE.md): openssl and the public key beside it. */
    private static void verifies(Path receipt) throws Exception {
        String id = id(receipt);
        Tool openssl = Tool.run(receipt.getParent(), TOOL, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
                id + ".pub.pem", "-rawin", "-in", id + ".receipt.json", "-sigfile", id + ".receipt.sig");
        assertThat(openssl.exit()).as(openssl.out()).isZero();
        assertThat(openssl.out()).contains("Signature Verified Successfully");
    }

    private static String id(Path receipt) {
        return receipt.getFileName().toString().replace(".receipt.json", "");
    }

    private static List<Path> keyFoldersIn(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("riddance-key.")).toList();
        }
    }

    private static void riddance(Path tmp, Map<String, String> env, String... args) throws Exception {
        List<String> argv = concat(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString()), args);
        Tool result = Tool.run(tmp, TOOL, env, argv);
        assertThat(result.exit()).as(argv + ":\n" + result.out()).isZero();
    }

    private static Tool ansible(Path tmp, List<String> args) throws Exception {
        return Tool.run(BASE, PLAY, ansibleEnvironment(tmp), concat(List.of("ansible-playbook"), args.toArray(String[]::new)));
    }

    /**
     * Ansible's and the hosts' temporary files in the test's folder (TMPDIR reaches the local "hosts", so the key's
     * private folder is made there and can be checked gone); an inventory it cannot parse is an error, not "no hosts".
     */
    private static Map<String, String> ansibleEnvironment(Path tmp) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("TMPDIR", tmp.toString());
        env.put("ANSIBLE_LOCAL_TEMP", Files.createDirectories(tmp.resolve("ansible/local")).toString());
        env.put("ANSIBLE_REMOTE_TEMP", Files.createDirectories(tmp.resolve("ansible/remote")).toString());
        env.put("ANSIBLE_INVENTORY_UNPARSED_FAILED", "true");
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("ANSIBLE_RETRY_FILES_ENABLED", "false");
        env.put("RIDDANCE_DATA_DIR", ""); // every host has its own --data-dir
        return env;
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
