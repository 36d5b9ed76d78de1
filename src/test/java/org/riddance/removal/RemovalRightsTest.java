package org.riddance.removal;

import org.riddance.platform.TestPlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.platform.Hosts;
import org.riddance.platform.Privileges;

/** Removal on the real machine asks for administrator rights first; a sandbox needs none. */
class RemovalRightsTest {

    @TempDir
    Path root;

    @Test
    void aLiveHostWithoutRightsIsToldWhatToDoASandboxIsNot() {
        var live = Hosts.live().withPrivileges(TestPlatform.privileges(false));
        assertThat(RemovalRights.missing(live)).hasValueSatisfying(m -> assertThat(m).containsAnyOf("sudo", "administrator"));
        assertThatThrownBy(() -> RemovalRights.require(live)).isInstanceOf(RemovalRights.NotAdministrator.class);

        assertThat(RemovalRights.missing(Hosts.live().withPrivileges(TestPlatform.privileges(true)))).isEmpty();
        assertThat(RemovalRights.missing(Hosts.sandbox(root).withPrivileges(TestPlatform.privileges(false)))).isEmpty();
    }

    @Test
    void aBootIdentifierOfZerosIsNoIdentifier() {
        assertThat(WindowsBoot.guid(new byte[16])).isEmpty();
        byte[] id = new byte[16];
        id[0] = (byte) 0xAB;
        id[15] = 1;
        assertThat(WindowsBoot.guid(id)).contains("ab000000000000000000000000000001");
        assertThat(BootId.same("b:" + WindowsBoot.guid(id).get(), "b:" + WindowsBoot.guid(id).get())).isTrue();
    }
}
