package org.riddance.rollup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.riddance.receipt.DisplayText;

/**
 * The roll-up as a spreadsheet: one line per row of the summary, every cell quoted. Names come from receipts anyone
 * could have written, so a cell a spreadsheet would run as a formula ({@code = + - @}, or a tab or carriage return
 * first) gets a leading apostrophe (OWASP's advice), and control characters appear as visible {@code \u001B} escapes.
 */
final class RollupCsv {

    static final List<String> HEADER = List.of("host", "receipt", "standing", "validity", "result", "technician", "time",
            "products_removed", "superseded", "file", "sha256", "detail");

    private RollupCsv() {
    }

    static byte[] render(RollupReport report) {
        StringBuilder out = new StringBuilder(report.entries().size() * 200);
        line(out, HEADER);
        for (RollupEntry e : report.entries()) {
            line(out, List.of(e.host(), e.receiptId(), e.standing(), e.validity().wire(), e.result(), e.technician(),
                    e.time(), e.productsRemoved() < 0 ? "" : Integer.toString(e.productsRemoved()),
                    Boolean.toString(e.superseded()), e.file(), e.sha256(), e.detail()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n"); // RFC 4180
    }

    static String cell(String value) {
        String shown = DisplayText.escape(value);
        if (!shown.isEmpty() && "=+-@\t\r".indexOf(shown.charAt(0)) >= 0) {
            shown = "'" + shown;
        }
        return '"' + shown.replace("\"", "\"\"") + '"';
    }
}
