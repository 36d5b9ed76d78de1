package org.riddance.backup;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is worth knowing about a product's licence once the product is gone: its type and when it expires.
 * The key itself is deliberately absent: it is a secret the customer owns and it must not reach any file.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LicenceFact(String product, String keyType, String expiry, String source) {
}
