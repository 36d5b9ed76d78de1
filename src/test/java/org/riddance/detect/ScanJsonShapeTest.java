package org.riddance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.catalog.ProductRule;
import org.riddance.platform.Hosts;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegFileParser;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/** Issue 13 item 7: fleet tools script against {@code scan --json}; its shape and the product ids must not move. */
class ScanJsonShapeTest {

    /** The product ids of catalog 2026.11.23, before this work; a renamed product keeps its id. */
    static final List<String> IDS_OF_2026_11_23 = List.of("kes-windows", "ksc-network-agent", "ksc-server",
            "kws-windows-server", "kess-windows", "kav-6-business", "kaspersky-endpoint-agent",
            "kaspersky-secure-connection", "kaspersky-password-manager", "kaspersky-safe-kids",
            "kaspersky-small-office-security", "kaspersky-total-security", "kaspersky-internet-security",
            "kaspersky-anti-virus", "kaspersky-security-cloud", "kaspersky-standard-plus-premium", "kaspersky-free",
            "kaspersky-consumer-engine", "kesl", "kav4fs", "kav4ws", "klms", "kics-nodes", "kess-linux",
            "kaspersky-epagent", "kes-mac");

    @Test
    void everyProductIdOfTheLastCatalogIsStillThere() {
        Catalog catalog = CatalogLoader.builtIn();
        assertThat(catalog.products().stream().map(ProductRule::id)).containsAll(IDS_OF_2026_11_23);
    }

    @Test
    void theJsonKeepsItsFieldsAtEveryLevel(@TempDir Path root) throws Exception {
        Catalog catalog = CatalogLoader.builtIn();
        ScanReport report = Detector.standard(Clock.systemUTC()).scan(Hosts.sandbox(Files.createDirectories(root),
                        OsFamily.WINDOWS, RegFileParser.parse(Path.of("src/test/resources/registry/kaspersky-kes-windows.reg"))),
                catalog, Progress.NONE, Cancellation.none());

        String text = FindingsExport.toJson(report, catalog.source());
        assertThat(text).as("laid out as databind's INDENT_OUTPUT wrote it").isEqualTo(new ObjectMapper()
                .writer(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(FindingsExport.toMap(report, catalog.source())));
        JsonNode json = new ObjectMapper().readTree(text);

        assertThat(names(json)).containsExactly("command", "status", "host", "catalog", "started", "finished",
                "sourcesScanned", "sourcesFailed", "findings");
        assertThat(json.get("findings")).isNotEmpty().allSatisfy(finding -> {
            assertThat(names(finding)).containsExactly("id", "product", "vendor", "category", "version", "platform",
                    "removable", "citations", "evidence");
            assertThat(finding.get("evidence")).isNotEmpty()
                    .allSatisfy(e -> assertThat(names(e)).containsExactly("detail", "kind", "location"));
        });
        // in the same order in every run: Map.of's order is salted per JVM, so these are sorted
        assertThat(names(json.get("host"))).containsExactly("hostname", "os", "sandbox");
        assertThat(names(json.get("catalog"))).containsExactly("sha256", "source", "version");
        assertThat(json.get("findings").findValuesAsText("id")).contains("kes-windows", "ksc-network-agent");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
