package org.riddance.protection;

import java.nio.charset.StandardCharsets;

/**
 * The EICAR anti-malware test file: harmless, and detected by every antivirus as if it were malware. It is
 * assembled at run time from pieces that are never stored together, so that neither the sources nor the jar
 * carry it whole (an antivirus would otherwise quarantine Riddance itself). EicarSampleTest checks this.
 */
public final class EicarSample {

    // Split where no piece is recognisable on its own; the second half is kept reversed.
    private static final String[] HEAD = {"X5O!P%@AP[4\\", "PZX54(P^)7CC)7}$"};
    private static final String TAIL_REVERSED = "*H+H$!ELIF-TSET-SURIVITNA-DRADNATS-RACIE";

    private EicarSample() {
    }

    public static byte[] bytes() {
        StringBuilder text = new StringBuilder(68);
        for (String piece : HEAD) {
            text.append(piece);
        }
        text.append(new StringBuilder(TAIL_REVERSED).reverse());
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
