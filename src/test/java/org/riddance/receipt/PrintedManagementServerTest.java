package org.riddance.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A page that leaves out the signed management server does not match its code: the warning cannot be dropped. */
class PrintedManagementServerTest {

    private static final Map<String, Object> PAYLOAD = Map.of("id", "R-20261204-100016-83502f", "result", "incomplete",
            "machine", Map.of("host", "demo-pc"),
            "products", List.of(Map.of("name", "Kaspersky Security Center Network Agent", "ver", "14.2.0-35148",
                    "outcome", "removed", "managedBy", List.of("ksc01.example.com", "ksc02.example.com"))));
    private static final String PAGE = """
            Riddance  RECEIPT NO. R-20261204-100016-83502f
            INCOMPLETE  Not finished: the replacement antivirus was not checked.
            Computer demo-pc
            Kaspersky Security Center Network Agent 14.2.0-35148 Management agent Removed
            """;

    @Test
    void theFirstServerMustBePrinted() {
        String key = "f".repeat(64);
        assertThat(new PrintedReceipt(PAGE + "Managed by ksc01.example.com, ksc02.example.com (the management agent's\n")
                .mismatch(PAYLOAD, true, key)).isEmpty();
        assertThat(new PrintedReceipt(PAGE).mismatch(PAYLOAD, true, key)).get()
                .satisfies(v -> assertThat(v.toString()).contains("ksc01.example.com"));
    }
}
