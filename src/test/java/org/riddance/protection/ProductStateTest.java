package org.riddance.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.riddance.protection.ProductState.Provider;
import org.riddance.protection.ProductState.State;

/**
 * Real productState values as Windows reports them (collected in public monitoring scripts and Microsoft Q&A
 * threads), decoded bit by bit.
 */
class ProductStateTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        // value,  hex,      state,   microsoft, signatures up to date, roles
        "397568, 0x061100, ON,      true,  true,  AUTOUPDATE_SETTINGS ANTIVIRUS", // Defender on, current
        "393472, 0x060100, OFF,     true,  true,  AUTOUPDATE_SETTINGS ANTIVIRUS", // Defender off (another AV active)
        "397584, 0x061110, ON,      true,  false, AUTOUPDATE_SETTINGS ANTIVIRUS", // Defender on, signatures old
        "393488, 0x060110, OFF,     true,  false, AUTOUPDATE_SETTINGS ANTIVIRUS",
        "393216, 0x060000, OFF,     false, true,  AUTOUPDATE_SETTINGS ANTIVIRUS",
        "266240, 0x041000, ON,      false, true,  ANTIVIRUS",                     // third-party AV on, current
        "266256, 0x041010, ON,      false, false, ANTIVIRUS",
        "262144, 0x040000, OFF,     false, true,  ANTIVIRUS",
        "262160, 0x040010, OFF,     false, false, ANTIVIRUS",
        "270336, 0x042000, SNOOZED, false, true,  ANTIVIRUS",
        "274432, 0x043000, EXPIRED, false, true,  ANTIVIRUS",
        "331776, 0x051000, ON,      false, true,  FIREWALL ANTIVIRUS",            // suite that is also the firewall
        "397312, 0x061000, ON,      false, true,  AUTOUPDATE_SETTINGS ANTIVIRUS",
    })
    void decodesEachFieldFromItsBits(long value, String hex, State state, boolean microsoft, boolean current,
                                     String roles) {
        ProductState decoded = ProductState.decode(value);

        assertThat(decoded.hex()).isEqualTo(hex);
        assertThat(decoded.state()).isEqualTo(state);
        assertThat(decoded.microsoftOwned()).isEqualTo(microsoft);
        assertThat(decoded.signaturesUpToDate()).isEqualTo(current);
        assertThat(decoded.roles()).isEqualTo(roles(roles));
        assertThat(decoded.on()).isEqualTo(state == State.ON);
    }

    @ParameterizedTest
    @CsvSource({"0x4000", "0xF000"})
    void aStateNibbleOutsideTheEnumerationIsUnknownNotOn(String bits) {
        assertThat(ProductState.decode(0x040000 | Long.decode(bits)).state()).isEqualTo(State.UNKNOWN);
    }

    private static Set<Provider> roles(String names) {
        return Set.copyOf(java.util.Arrays.stream(names.split(" ")).map(Provider::valueOf).toList());
    }
}
