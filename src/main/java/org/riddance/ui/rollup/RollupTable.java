package org.riddance.ui.rollup;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.riddance.rollup.RollupEntry;
import org.riddance.rollup.Validity;
import org.riddance.ui.Messages;

/**
 * One row per receipt file (and per expected PC with none): PC, receipt, its result, whether it is genuine, who did
 * the work, when, and how many products went. What needs a look is coloured; an older receipt of a PC is greyed.
 * The row's tooltip says why, in the core's words, with the file it came from.
 */
final class RollupTable extends TableView<RollupEntry> {

    static final PseudoClass OLDER = PseudoClass.getPseudoClass("older");
    /** Day and minute, as the summary's page prints them, but in the technician's own time zone; short in any language. */
    private static final double MIN_COLUMN = 80;
    private static final double CELL_PADDING = 28;
    /** The vertical scroll bar and the table's border, which the columns must leave room for. */
    private static final double SCROLL_BAR = 18;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    RollupTable(ObservableList<RollupEntry> rows) {
        super(rows);
        setId("rollup-table");
        getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "rollup-table");
        // not a constrained policy: that squeezes columns below their minimum and never shows the sideways scroll bar
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        widthProperty().addListener((obs, was, width) -> spreadColumns(width.doubleValue()));
        setPlaceholder(new Label(Messages.get("rollup.table.empty")));
        getColumns().setAll(List.of(
                column("rollup.column.pc", List.of(), e -> e.host().isEmpty() ? "\u2014" : e.host()),
                column("rollup.column.receipt", List.of("R-20261204-103746-1174f0"),
                        e -> e.receiptId().isEmpty() ? e.file() : e.receiptId()),
                toned(column("rollup.column.result", words("rollup.result.", "pass", "fail", "incomplete"),
                        RollupTable::result), RollupTable::resultTone),
                toned(column("rollup.column.validity", validityWords(), RollupTable::validity), RollupTable::validityTone),
                column("rollup.column.technician", List.of(), RollupEntry::technician),
                column("rollup.column.time", List.of("2026-12-04 10:37"), e -> time(e.time())),
                column("rollup.column.removed", List.of(), e -> e.productsRemoved() < 0 ? "\u2014" : String.valueOf(e.productsRemoved()))));
        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(RollupEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                boolean shown = !empty && entry != null;
                pseudoClassStateChanged(OLDER, shown && entry.superseded());
                setTooltip(shown ? new Tooltip(why(entry)) : null);
            }
        });
    }

    /** Room beyond what the columns need is shared out evenly; with less, the table scrolls sideways. */
    private void spreadColumns(double width) {
        double needed = getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum();
        double extra = Math.max(0, width - SCROLL_BAR - needed) / getColumns().size();
        getColumns().forEach(c -> c.setPrefWidth(c.getMinWidth() + extra));
    }

    /**
     * @param widest texts the column must show whole (receipt ids, times, the words of a standing in this language):
     *               narrower than those and its heading, the table scrolls sideways rather than cut them short
     */
    private static TableColumn<RollupEntry, String> column(String key, List<String> widest, Function<RollupEntry, String> value) {
        TableColumn<RollupEntry, String> column = new TableColumn<>(Messages.get(key));
        column.setId(key.substring(key.lastIndexOf('.') + 1));
        double width = Math.max(MIN_COLUMN, textWidth(Messages.get(key), true));
        for (String text : widest) {
            width = Math.max(width, textWidth(text, false));
        }
        column.setMinWidth(width + CELL_PADDING);
        column.setPrefWidth(width + CELL_PADDING);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** Measured in the theme's body size (AtlantaFX: 14 px); headings are bold. */
    private static double textWidth(String text, boolean bold) {
        Text measure = new Text(text);
        measure.setFont(Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, 14));
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }

    private static List<String> words(String prefix, String... keys) {
        return java.util.Arrays.stream(keys).map(k -> Messages.get(prefix + k)).toList();
    }

    private static List<String> validityWords() {
        List<String> words = new java.util.ArrayList<>(java.util.Arrays.stream(Validity.values())
                .map(v -> Messages.get("rollup.validity." + v.name().toLowerCase(Locale.ROOT))).toList());
        words.add(Messages.get("rollup.validity.older", Messages.get("rollup.validity.valid")));
        return words;
    }

    /** A column whose cells take the colour {@code tone} gives their row (an AtlantaFX style, or "" for none). */
    private static TableColumn<RollupEntry, String> toned(TableColumn<RollupEntry, String> column,
                                                         Function<RollupEntry, String> tone) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
                RollupEntry entry = empty || getTableRow() == null ? null : getTableRow().getItem();
                String style = entry == null || entry.superseded() ? "" : tone.apply(entry);
                if (!style.isEmpty()) {
                    getStyleClass().add(style);
                }
            }
        });
        return column;
    }

    /** Only a genuine receipt's result is coloured: a tampered PASS proves nothing. */
    private static String resultTone(RollupEntry entry) {
        if (entry.validity() != Validity.VALID) {
            return "";
        }
        return entry.validPass() ? Styles.SUCCESS : entry.result().equals("fail") ? Styles.DANGER : Styles.WARNING;
    }

    private static String validityTone(RollupEntry entry) {
        return switch (entry.validity()) {
            case VALID -> "";
            case TAMPERED, UNKNOWN_KEY, MISSING -> Styles.DANGER;
            case UNREADABLE -> Styles.WARNING;
        };
    }

    /** The receipt's own word, in the technician's language where it is one of the three the receipt knows. */
    static String result(RollupEntry entry) {
        String key = "rollup.result." + entry.result();
        return entry.result().isEmpty() ? "\u2014" : Messages.has(key) ? Messages.get(key) : entry.result().toUpperCase(Locale.ROOT);
    }

    static String validity(RollupEntry entry) {
        String words = Messages.get("rollup.validity." + entry.validity().name().toLowerCase(Locale.ROOT));
        return entry.superseded() ? Messages.get("rollup.validity.older", words) : words;
    }

    private static String why(RollupEntry entry) {
        String detail = entry.detail().isEmpty() ? validity(entry) : entry.detail();
        return entry.file().isEmpty() ? detail : detail + "\n" + entry.file();
    }

    /** The receipt's UTC time in the technician's zone; as written when it is not a time. */
    static String time(String utc) {
        if (utc.isEmpty()) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(utc));
        } catch (DateTimeParseException e) {
            return utc;
        }
    }
}
