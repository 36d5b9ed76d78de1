package org.riddance.rollup;

import static org.riddance.receipt.ReceiptStyle.BOTTOM;
import static org.riddance.receipt.ReceiptStyle.LEFT;
import static org.riddance.receipt.ReceiptStyle.PAGE;
import static org.riddance.receipt.ReceiptStyle.RIGHT;
import static org.riddance.receipt.ReceiptStyle.TOP;
import static org.riddance.receipt.ReceiptStyle.WIDTH;
import static org.riddance.receipt.ReceiptStyle.mm;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.riddance.receipt.Canvas;
import org.riddance.receipt.DisplayText;
import org.riddance.receipt.QrBlock;
import org.riddance.receipt.ReceiptFonts;
import org.riddance.receipt.ReceiptStyle;
import org.riddance.receipt.ReceiptView.Outcome;
import org.riddance.receipt.TextStyle;

/**
 * The office report: page one gives who, when, the verdict, the counts and the QR code binding the paper to the
 * signed {@code .rollup.json}; then a table of PCs, problems first, over as many pages as it takes, "Page i of n" on
 * each. Drawn with the receipt's fonts and style, so the two papers look like one product.
 */
final class RollupPdf {

    /** The facts page one prints, taken from the signed payload so the paper says what was signed. */
    record Facts(String id, String site, String created, String keyFingerprint, String appVersion, String code) {
    }

    private static final float ROW = 12;
    private static final float DETAIL_ROW = 9;
    private static final String[] HEADINGS = {"Host", "Receipt", "Result", "Validity", "Technician", "Time (UTC)", "Removed"};
    /** Column edges from the left margin; the last is the right margin. */
    private static final float[] COLUMNS = {0, 80, 184, 246, 320, 386, 468, 515};

    private final Facts facts;
    private final RollupReport report;
    private ReceiptStyle style;

    private RollupPdf(Facts facts, RollupReport report) {
        this.facts = facts;
        this.report = report;
    }

    static byte[] render(Facts facts, RollupReport report) {
        try (PDDocument document = new PDDocument()) {
            new RollupPdf(facts, report).build(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render roll-up " + facts.id(), e); // all in memory
        }
    }

    private void build(PDDocument document) throws IOException {
        describe(document);
        style = new ReceiptStyle(ReceiptFonts.load(document));
        List<RollupEntry> rows = report.entries().stream().sorted(Comparator.comparingInt(RollupPdf::severity)
                .thenComparing(e -> e.host().toLowerCase(java.util.Locale.ROOT)).thenComparing(RollupEntry::file)).toList();
        int next = 0;
        boolean first = true;
        do {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Canvas canvas = new Canvas(content, PAGE.getHeight());
                float top = first ? firstPage(canvas) : continuedHeader(canvas);
                next = table(canvas, top, rows, next);
            }
            first = false;
        } while (next < rows.size());
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream over = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer(new Canvas(over, PAGE.getHeight()), i + 1, pages);
            }
        }
    }

    /** Problems first, the worst first; valid PASS next; older receipts of a PC last. */
    private static int severity(RollupEntry e) {
        if (e.superseded()) {
            return 9;
        }
        return switch (e.validity()) {
            case MISSING -> 0;
            case TAMPERED -> 1;
            case UNKNOWN_KEY -> 2;
            case UNREADABLE -> 3;
            case VALID -> e.result().equals("fail") ? 4 : e.validPass() ? 6 : 5;
        };
    }

    /** Title, facts, QR code, verdict banner and counts; returns where the table starts. */
    private float firstPage(Canvas canvas) throws IOException {
        QrBlock code = new QrBlock(facts.code(), mm(34));
        float codeLeft = RIGHT - code.side();
        float textWidth = codeLeft - code.quietZone() - LEFT;
        TextStyle brand = style.brand();
        canvas.text(brand, LEFT, TOP + brand.ascent(), "Riddance office roll-up");
        float y = TOP + brand.leading();
        TextStyle subtitle = style.subtitle();
        canvas.text(subtitle, LEFT, y + subtitle.ascent(), subtitle.fit(facts.site().isBlank()
                ? "Completion receipts of every PC, checked" : "Site: " + DisplayText.escape(facts.site()), textWidth));
        y += subtitle.leading() + 4;
        y = fact(canvas, y, "Roll-up", facts.id(), style.receiptId(), textWidth);
        y = fact(canvas, y, "Created (UTC)", facts.created().replace('T', ' ').replace("Z", ""), style.body(), textWidth);
        y = fact(canvas, y, "Signed by key", facts.keyFingerprint(), style.mono().withColor(ReceiptStyle.INK), textWidth);
        if (report.expected() > 0) {
            y = fact(canvas, y, "Inventory", report.expected() + " PCs expected", style.body(), textWidth);
        }
        y = fact(canvas, y, "Riddance", facts.appVersion(), style.body(), textWidth);
        code.draw(canvas, codeLeft, TOP);
        TextStyle small = style.small();
        float captionTop = TOP + code.side() + 4;
        for (String line : small.wrap("Verify: riddance verify " + facts.id() + ".rollup.pdf, with the signed "
                + ".rollup.json beside it (the code holds its SHA-256 and signature).", code.side(), 7)) {
            canvas.text(small, codeLeft, captionTop + small.ascent(), line);
            captionTop += small.leading();
        }
        y = Math.max(y, captionTop) + 8;
        y = banner(canvas, y) + 8;
        y = countBoxes(canvas, y) + 6;
        TextStyle body = style.body();
        canvas.text(body, LEFT, y + body.ascent(), body.fit(RollupSummary.countsLine(report.counts()), WIDTH));
        y += body.leading() + 8;
        TextStyle title = style.sectionTitle();
        canvas.text(title, LEFT, y + title.ascent(), "PCS, PROBLEMS FIRST");
        return y + title.leading() + 2;
    }

    private float fact(Canvas canvas, float y, String label, String value, TextStyle valueStyle, float width)
            throws IOException {
        TextStyle labelStyle = style.label();
        float labelWidth = 72;
        canvas.text(labelStyle, LEFT, y + valueStyle.ascent(), label);
        canvas.text(valueStyle, LEFT + labelWidth, y + valueStyle.ascent(), valueStyle.fit(value, width - labelWidth));
        return y + valueStyle.leading() + 1;
    }

    private float banner(Canvas canvas, float top) throws IOException {
        boolean good = report.allValidPass();
        int attention = report.problems().size();
        float height = 30;
        canvas.fillRoundedRect(ReceiptStyle.banner(good ? Outcome.PASS : Outcome.FAIL), LEFT, top, WIDTH, height, 4);
        TextStyle result = style.bannerResult();
        String word = good ? "ALL PASS" : "ATTENTION";
        canvas.text(result, LEFT + 10, top + (height + result.ascent()) / 2, word);
        TextStyle text = style.bannerText();
        String says = good ? "every receipt is valid and PASS" + (report.expected() > 0 ? ", none missing" : "")
                : attention + (attention == 1 ? " row needs" : " rows need") + " a look: see the table";
        canvas.text(text, LEFT + 20 + result.width(word), top + (height + text.ascent()) / 2, text.fit(says, WIDTH - 40 - result.width(word)));
        return top + height;
    }

    private float countBoxes(Canvas canvas, float top) throws IOException {
        Map<String, Integer> counts = report.counts();
        String[][] boxes = {{"pass", "valid PASS"}, {"fail", "FAIL"}, {"incomplete", "INCOMPLETE"},
            {"tampered", "tampered"}, {"unknownKey", "unknown key"}, {"unreadable", "unreadable"}, {"missing", "missing"},
            {"superseded", "older (superseded)"}, {"pcs", "PCs"}, {"files", "receipt files"}};
        int perRow = 5;
        float gap = 6;
        float width = (WIDTH - gap * (perRow - 1)) / perRow;
        float height = 32;
        TextStyle number = style.brand().withColor(ReceiptStyle.INK);
        TextStyle label = style.label();
        for (int i = 0; i < boxes.length; i++) {
            float x = LEFT + (i % perRow) * (width + gap);
            float y = top + (i / perRow) * (height + gap);
            int value = counts.get(boxes[i][0]);
            boolean bad = value > 0 && i >= 1 && i <= 6;
            canvas.fillRoundedRect(bad ? ReceiptStyle.towardsWhite(ReceiptStyle.banner(Outcome.FAIL), 0.85f)
                    : ReceiptStyle.TABLE_HEAD, x, y, width, height, 3);
            canvas.text(number, x + 6, y + 4 + number.ascent(), Integer.toString(value));
            canvas.textRightAligned(label, x + width - 6, y + height - 5, boxes[i][1]);
        }
        return top + 2 * height + gap;
    }

    private float continuedHeader(Canvas canvas) throws IOException {
        TextStyle title = style.bodyBold().withColor(ReceiptStyle.ACCENT);
        canvas.text(title, LEFT, TOP + title.ascent(), "Riddance office roll-up, continued");
        canvas.textRightAligned(style.mono(), RIGHT, TOP + title.ascent(), facts.id());
        float top = TOP + title.leading() + 4;
        canvas.hLine(ReceiptStyle.ACCENT, 1.2f, LEFT, RIGHT, top);
        return top + 8;
    }

    /** Draws rows from {@code from} under a heading row; returns the first row left for the next page. */
    private int table(Canvas canvas, float top, List<RollupEntry> rows, int from) throws IOException {
        TextStyle head = style.bodyBold();
        canvas.fillRect(ReceiptStyle.TABLE_HEAD, LEFT, top, WIDTH, ROW + 2);
        for (int c = 0; c < HEADINGS.length - 1; c++) {
            canvas.text(head, LEFT + COLUMNS[c] + 3, top + 2 + head.ascent() + 1, HEADINGS[c]);
        }
        canvas.textRightAligned(head, RIGHT - 3, top + 2 + head.ascent() + 1, HEADINGS[HEADINGS.length - 1]);
        float y = top + ROW + 2;
        int i = from;
        while (i < rows.size()) {
            RollupEntry e = rows.get(i);
            // why a file is not valid, or which receipt replaced it; a valid FAIL says so in its result column
            boolean detailed = (e.validity() != Validity.VALID || e.superseded()) && !e.detail().isEmpty();
            float height = ROW + (detailed ? DETAIL_ROW : 0);
            if (y + height > BOTTOM - 4) {
                break;
            }
            row(canvas, y, e, detailed);
            canvas.hLine(ReceiptStyle.RULE, 0.4f, LEFT, RIGHT, y + height);
            y += height;
            i++;
        }
        return i;
    }

    private void row(Canvas canvas, float y, RollupEntry e, boolean detailed) throws IOException {
        TextStyle body = style.body();
        TextStyle muted = body.withColor(ReceiptStyle.MUTED);
        Color warn = ReceiptStyle.banner(Outcome.FAIL);
        float baseline = y + 2 + body.ascent() + 1;
        String host = e.host().isEmpty() ? "(" + e.file() + ")" : e.host();
        cell(canvas, 0, baseline, e.host().isEmpty() ? muted : body, host);
        cell(canvas, 1, baseline, new TextStyle(style.fonts().mono(), 7, ReceiptStyle.INK), e.receiptId());
        // a result is shown only when its signature holds; a tampered file's claim is in the signed JSON and CSV
        String result = e.result().isEmpty() || e.validity() != Validity.VALID ? "—" : e.result().toUpperCase(java.util.Locale.ROOT);
        TextStyle resultStyle = new TextStyle(style.fonts().bold(), 7.5f, ReceiptStyle.INK);
        cell(canvas, 2, baseline, e.validity() == Validity.VALID && !e.validPass() ? resultStyle.withColor(warn) : resultStyle, result);
        String validity = e.validity().words() + (e.superseded() ? ", older" : "");
        cell(canvas, 3, baseline, e.validity() == Validity.VALID ? (e.superseded() ? muted : body)
                : style.bodyBold().withColor(warn), validity);
        cell(canvas, 4, baseline, body, e.technician());
        cell(canvas, 5, baseline, new TextStyle(style.fonts().regular(), 7.5f, ReceiptStyle.INK), minutes(e.time()));
        canvas.textRightAligned(body, RIGHT - 3, baseline, e.productsRemoved() < 0 ? "—" : Integer.toString(e.productsRemoved()));
        if (detailed) {
            TextStyle small = style.small();
            canvas.text(small, LEFT + 12, baseline + DETAIL_ROW, small.fit(DisplayText.escape(e.detail()), WIDTH - 15));
        }
    }

    /** "2026-12-04T09:54:46Z" as "2026-12-04 09:54": the day and minute are what an office compares. */
    private static String minutes(String time) {
        return time.length() >= 16 && time.charAt(10) == 'T' ? time.substring(0, 10) + " " + time.substring(11, 16) : time;
    }

    /** One cell, cut to its column; control characters in names show as escapes, never as blanks. */
    private static void cell(Canvas canvas, int column, float baseline, TextStyle style, String text) throws IOException {
        float width = COLUMNS[column + 1] - COLUMNS[column] - 6;
        canvas.text(style, LEFT + COLUMNS[column] + 3, baseline, style.fit(DisplayText.escape(text), width));
    }

    private void footer(Canvas canvas, int page, int pages) throws IOException {
        TextStyle small = style.small();
        float baseline = PAGE.getHeight() - (PAGE.getHeight() - BOTTOM) / 2 + small.ascent() / 2;
        canvas.text(small, LEFT, baseline, small.fit("Riddance office roll-up " + facts.id()
                + (facts.site().isBlank() ? "" : ", " + DisplayText.escape(facts.site())), WIDTH * 0.7f));
        canvas.textRightAligned(small, RIGHT, baseline, "Page " + page + " of " + pages);
    }

    private void describe(PDDocument document) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Office roll-up " + facts.id());
        info.setAuthor("Riddance");
        info.setCreator("Riddance " + facts.appVersion());
        Calendar now = Calendar.getInstance();
        info.setCreationDate(now);
        document.getDocumentCatalog().setLanguage("en");
    }
}
