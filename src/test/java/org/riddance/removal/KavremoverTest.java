package org.riddance.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.platform.StandInSigning;

/** kavremover is opened only when it is the vendor's own signed tool, whatever its file is called or where it is. */
class KavremoverTest {

    @TempDir
    Path dir;
    Catalog catalog = CatalogLoader.builtIn();

    @Test
    void theVendorSignedToolIsAcceptedAndOpenedAsItself() throws Exception {
        Path exe = Files.write(dir.resolve("kavremvr.exe"), StandInSigning.peSignedBy("CN=AO Kaspersky Lab, O=AO Kaspersky Lab, C=RU"));

        Kavremover.Checked tool = Kavremover.check(exe, catalog, "kaspersky");

        assertThat(tool.signer()).isEqualTo("AO Kaspersky Lab");
        assertThat(Kavremover.command(tool).argv()).containsExactly(exe.toString());
    }

    @Test
    void anotherSignerAnUnsignedFileALinkOrAnotherNameAreRefused() throws Exception {
        Path other = Files.write(dir.resolve("kavremvr.exe"), StandInSigning.peSignedBy("CN=Kasperle Software GmbH, O=Kasperle"));
        assertThatThrownBy(() -> Kavremover.check(other, catalog, "kaspersky")).isInstanceOf(IOException.class)
                .hasMessageContaining("signed by \"Kasperle Software GmbH\"").hasMessageContaining("do not run it");

        Path unsigned = Files.write(dir.resolve("kavremvr (1).exe"), StandInSigning.peUnsigned());
        assertThatThrownBy(() -> Kavremover.check(unsigned, catalog, "kaspersky")).hasMessageContaining("no Authenticode signature");

        Path signed = Files.write(dir.resolve("real.bin"), StandInSigning.peSignedBy("CN=AO Kaspersky Lab"));
        Path link = Files.createSymbolicLink(dir.resolve("kavremvr2.exe"), signed);
        assertThatThrownBy(() -> Kavremover.check(link, catalog, "kaspersky")).hasMessageContaining("not a plain file");

        Path renamed = Files.write(dir.resolve("setup.exe"), StandInSigning.peSignedBy("CN=AO Kaspersky Lab"));
        assertThatThrownBy(() -> Kavremover.check(renamed, catalog, "kaspersky")).hasMessageContaining("not Kaspersky's removal tool");
    }
}
