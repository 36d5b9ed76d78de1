package org.riddance.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    @Test
    void theBuiltInCatalogLoadsAndIsHashedOverItsExactBytes() throws Exception {
        Catalog catalog = CatalogLoader.builtIn();
        byte[] bytes;
        try (InputStream in = CatalogLoader.class.getResourceAsStream(CatalogLoader.BUILT_IN)) {
            bytes = in.readAllBytes();
        }
        assertThat(catalog.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(catalog.source()).isEqualTo("built-in");
        assertThat(catalog.version()).isNotBlank();
        assertThat(catalog.citations()).extracting(Citation::id)
                .contains("bod-17-01", "ndaa-fy2018-1634", "bis-icts-2021-002", "de-bsi-2022", "uk-ncsc-2017");
        Citation bod = catalog.citationsById().get("bod-17-01");
        assertThat(bod.reference()).contains("82 FR 43782");
        assertThat(bod.embedded()).as("BOD 17-01 excludes embedded code").isFalse();
        assertThat(bod.milestones()).extracting(Citation.Milestone::date).containsExactly("2017-10-13", "2017-11-12", "2017-12-12");
        assertThat(catalog.citationsById().get("bis-icts-2021-002").embedded()).isTrue();
    }

    @Test
    void everyCategoryTheIssueNamesIsRepresented() {
        Catalog catalog = CatalogLoader.builtIn();
        assertThat(catalog.products()).extracting(ProductRule::category)
                .contains(Category.PRODUCT, Category.MANAGEMENT_AGENT, Category.MANAGEMENT_SERVER);
        assertThat(catalog.drivers()).extracting(DriverRule::name).contains("klif", "klkbdflt", "klmouflt", "klfltdev");
        assertThat(catalog.embedded()).isNotEmpty();
        assertThat(catalog.leftovers()).isNotEmpty();
    }

    @Test
    void namesAreMatchedInEveryLanguageTheCatalogKnowsAndLookAlikesAreNot() {
        Catalog catalog = CatalogLoader.builtIn();
        assertThat(catalog.windowsProductByDisplayName("Kaspersky Endpoint Security 10 для Windows"))
                .map(ProductRule::id).contains("kes-windows");
        assertThat(catalog.windowsProductByDisplayName("Agent d'administration de Kaspersky Security Center"))
                .map(ProductRule::id).contains("ksc-network-agent");
        assertThat(catalog.windowsProductByDisplayName("Kaspersky Security Center Network Agent"))
                .map(ProductRule::id).contains("ksc-network-agent");
        assertThat(catalog.windowsProductByDisplayName("Kaspersky Security Center 14.2"))
                .map(ProductRule::id).contains("ksc-server");
        assertThat(catalog.windowsProductByDisplayName("Kaspersky Anti-Virus 6.0 for Windows Workstations"))
                .map(ProductRule::id).contains("kav-6-business");
        assertThat(catalog.vendorClaiming("\"Лаборатория Касперского\"", "")).isPresent();
        assertThat(catalog.vendorClaiming("Kasperle Software GmbH", "Kasperle Kinderspiele 2")).isEmpty();
        assertThat(catalog.windowsProductByEnvironmentKey("KES10SP2")).map(ProductRule::id).contains("kes-windows");
        assertThat(catalog.windowsProductByEnvironmentKey("AVP21.3")).map(ProductRule::id).contains("kaspersky-consumer-engine");
        assertThat(catalog.linuxProductByPackage("klnagent64")).map(ProductRule::id).contains("ksc-network-agent");
        assertThat(catalog.linuxProductByPackage("klavaro")).isEmpty();
    }

    @Test
    void aCorruptCatalogIsRefusedWithTheLine() {
        byte[] corrupt = "{\n  \"format\": \"riddance-catalog/1\",\n  \"version\": \"1\",\n  \"products\": [ {\"id\": ".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CatalogLoader.parse(corrupt, "corrupt.json"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("corrupt.json is not valid catalog JSON")
                .hasMessageContaining("line 4");
    }

    @Test
    void anUnknownFieldOrAnInconsistentCatalogIsRefused() {
        String typo = builtInText().replaceFirst("\"displayNames\"", "\"displaynames\"");
        assertThatThrownBy(() -> CatalogLoader.parse(typo.getBytes(StandardCharsets.UTF_8), "typo.json"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("'displaynames'");

        String badVendor = builtInText().replaceFirst("\"vendor\": \"kaspersky\"", "\"vendor\": \"nobody\"");
        assertThatThrownBy(() -> CatalogLoader.parse(badVendor.getBytes(StandardCharsets.UTF_8), "vendor.json"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("unknown vendor 'nobody'");

        String badRegex = builtInText().replaceFirst("\"\\^kaspersky total security\"", "\"(unclosed\"");
        assertThatThrownBy(() -> CatalogLoader.parse(badRegex.getBytes(StandardCharsets.UTF_8), "regex.json"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("not a valid regular expression");

        String badMethod = builtInText().replaceFirst("\"windows\": \"msi\"", "\"windows\": \"format-c\"");
        assertThatThrownBy(() -> CatalogLoader.parse(badMethod.getBytes(StandardCharsets.UTF_8), "method.json"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("unknown removal method 'format-c'");

        String relativeScript = builtInText().replaceFirst("\"macos\": \"/Library/Application Support/Kaspersky Lab/klnagent",
                "\"macos\": \"Library/Application Support/Kaspersky Lab/klnagent");
        assertThatThrownBy(() -> CatalogLoader.parse(relativeScript.getBytes(StandardCharsets.UTF_8), "script.json"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("not an absolute path");

        String noScript = builtInText().replaceFirst("\"scripts\": \\{[^}]*}", "\"scripts\": {}");
        assertThatThrownBy(() -> CatalogLoader.parse(noScript.getBytes(StandardCharsets.UTF_8), "noscript.json"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("names no script");

        String otherFormat = builtInText().replaceFirst("riddance-catalog/1", "riddance-catalog/9");
        assertThatThrownBy(() -> CatalogLoader.parse(otherFormat.getBytes(StandardCharsets.UTF_8), "future.json"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("Unsupported catalog format");
    }

    @Test
    void anExternalCatalogNeedsAValidSignatureFromATrustedKey(@TempDir Path dir) throws Exception {
        KeyPair publisher = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path trustedDir = Files.createDirectories(dir.resolve(CatalogKeys.FOLDER));
        Files.writeString(trustedDir.resolve("publisher.pem"), pem(publisher));
        CatalogKeys trusted = CatalogKeys.fromFolder(trustedDir);
        byte[] content = builtInText().replaceFirst("\"version\": \"[0-9.]+\"", "\"version\": \"2099.12.01\"")
                .getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("update.json");
        Files.write(file, content);
        Path sig = dir.resolve("update.json.sig");

        assertThatThrownBy(() -> CatalogLoader.external(file, trusted))
                .isInstanceOf(CatalogException.class).hasMessageContaining("needs its signature beside it");

        Files.write(sig, sign(stranger, content));
        assertThatThrownBy(() -> CatalogLoader.external(file, trusted))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("not signed by a trusted catalog key");

        Files.write(sig, sign(publisher, content));
        Catalog accepted = CatalogLoader.external(file, trusted);
        assertThat(accepted.version()).isEqualTo("2099.12.01");
        assertThat(accepted.source()).isEqualTo(file.toString());

        Files.writeString(sig, Base64.getEncoder().encodeToString(sign(publisher, content)) + "\n");
        assertThat(CatalogLoader.external(file, trusted).version()).as("base64 signature").isEqualTo("2099.12.01");

        content[content.length / 2] ^= 1; // one flipped bit after signing
        Files.write(file, content);
        assertThatThrownBy(() -> CatalogLoader.external(file, trusted))
                .isInstanceOf(CatalogException.class).hasMessageContaining("changed after signing");

        assertThatThrownBy(() -> CatalogLoader.external(file, CatalogKeys.fromFolder(dir.resolve("none"))))
                .isInstanceOf(CatalogException.class).hasMessageContaining("No trusted catalog keys are installed");
    }

    @Test
    void theSignatureOpensslMakesIsAccepted(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("catalog-key.pem");
        Path pub = Files.createDirectories(dir.resolve("trusted")).resolve("catalog-key.pub.pem");
        Path file = dir.resolve("catalog.json");
        Files.writeString(file, builtInText());
        assertThat(run("openssl", "genpkey", "-algorithm", "ed25519", "-out", key.toString())).isZero();
        assertThat(run("openssl", "pkey", "-in", key.toString(), "-pubout", "-out", pub.toString())).isZero();
        assertThat(run("openssl", "pkeyutl", "-sign", "-rawin", "-inkey", key.toString(), "-in", file.toString(),
                "-out", dir.resolve("catalog.json.sig").toString())).isZero();

        assertThat(CatalogLoader.external(file, CatalogKeys.fromFolder(pub.getParent())).sha256())
                .isEqualTo(CatalogLoader.builtIn().sha256());
    }

    private static int run(String... argv) throws Exception {
        return new ProcessBuilder(List.of(argv)).redirectErrorStream(true).start().waitFor();
    }

    private static byte[] sign(KeyPair key, byte[] content) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(content);
        return signer.sign();
    }

    private static String pem(KeyPair key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String builtInText() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(CatalogLoader.BUILT_IN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
