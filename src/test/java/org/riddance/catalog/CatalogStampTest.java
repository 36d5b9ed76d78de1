package org.riddance.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class CatalogStampTest {

    @Test
    void theStampTheBuildWroteIsTheBuiltInCatalogsVersionAndHash() throws CatalogException {
        assumeTrue(CatalogStamp.class.getResource(CatalogStamp.BUILT_IN_STAMP) != null,
                "no stamp: the classes were not built by Maven (its process-classes step writes it)");
        byte[] bytes = CatalogStamp.builtInBytes();
        Catalog hashedHere = CatalogLoader.parse(bytes, "the built-in bytes");

        assertThat(CatalogStamp.builtIn()).isEqualTo(new CatalogStamp(hashedHere.version(), hashedHere.sha256()));
        assertThat(CatalogLoader.builtIn().sha256()).isEqualTo(hashedHere.sha256());
    }

    @Test
    void theStreamingReadFindsTheVersionTheFullLoadFinds() {
        Catalog catalog = CatalogLoader.builtIn();

        assertThat(CatalogStamp.of(CatalogStamp.builtInBytes())).isEqualTo(new CatalogStamp(catalog.version(), catalog.sha256()));
        assertThat(CatalogStamp.versionOf("{\"format\":\"x\",\"citations\":[{\"version\":\"no\"}],\"version\":\"2027.01.02\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("2027.01.02");
    }
}
