package org.riddance.protection;

import java.util.EnumSet;
import java.util.Set;

/**
 * Windows Security Center's {@code productState} for one product, decoded as the bitmask it is. Windows packs
 * three of its public enumerations into one number:
 * <pre>
 *   bits 16-23  security roles  WSC_SECURITY_PROVIDER flags (wscapi.h): 0x04 antivirus, 0x02 auto-update, ...
 *   bits 12-15  product state   WSC_SECURITY_PRODUCT_STATE (iwscapi.h): 0 on, 1 off, 2 snoozed, 3 expired,
 *                               stored shifted so that 0x1000 means on and 0x0000 off
 *   bits  8-11  owner           0x100: the product is Microsoft's own (Defender)
 *   bits  4-7   signatures      0x00 up to date, 0x10 out of date (WSC_SECURITY_SIGNATURE_STATUS)
 * </pre>
 * The enumerations are Microsoft's; how they are packed is not documented and was worked out from real values
 * (397568 = 0x061100 is Defender on and current). See docs/decisions/0007.
 */
public record ProductState(long raw, Set<Provider> roles, State state, boolean microsoftOwned,
                           boolean signaturesUpToDate) {

    public enum Provider {
        FIREWALL(0x01), AUTOUPDATE_SETTINGS(0x02), ANTIVIRUS(0x04), ANTISPYWARE(0x08), INTERNET_SETTINGS(0x10),
        USER_ACCOUNT_CONTROL(0x20), SERVICE(0x40);

        final int bit;

        Provider(int bit) {
            this.bit = bit;
        }
    }

    /** What the product says of itself: only ON protects. */
    public enum State { OFF, ON, SNOOZED, EXPIRED, UNKNOWN }

    private static final int STATE_MASK = 0xF000;
    private static final int OWNER_MASK = 0x0F00;
    private static final int SIGNATURE_MASK = 0x00F0;
    private static final int MICROSOFT = 0x0100;

    public static ProductState decode(long productState) {
        int roleByte = (int) (productState >> 16) & 0xFF;
        Set<Provider> roles = EnumSet.noneOf(Provider.class);
        for (Provider p : Provider.values()) {
            if ((roleByte & p.bit) != 0) {
                roles.add(p);
            }
        }
        State state = switch ((int) (productState & STATE_MASK)) {
            case 0x0000 -> State.OFF;
            case 0x1000 -> State.ON;
            case 0x2000 -> State.SNOOZED;
            case 0x3000 -> State.EXPIRED;
            default -> State.UNKNOWN;
        };
        return new ProductState(productState, Set.copyOf(roles), state,
                (productState & OWNER_MASK) == MICROSOFT, (productState & SIGNATURE_MASK) == 0);
    }

    public boolean on() {
        return state == State.ON;
    }

    public String hex() {
        return "0x" + String.format("%06X", raw);
    }
}
