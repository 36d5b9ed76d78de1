package org.riddance.ui.rollup;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
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
import org.riddance.rollup.RollupEntry;
import org.riddance.rollup.Validity;
import org.riddance.ui.Messages;

/**
 * One row per receipt file (and per expected PC with none): PC, receipt, its result, whether it is genuine, who did
 * the work, when, and how many products went. A row that needs a look is marked; an older receipt of a PC is greyed.
 * The row's tooltip says why, in the core's words, with the file it came from.
 */
final class RollupTable extends TableView<RollupEntry> {

    static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    static final PseudoClass OLDER = PseudoClass.getPseudoClass("older");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    RollupTable(ObservableList<RollupEntry> rows) {
        super(rows);
        setId("rollup-table");
        getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "rollup-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(Messages.get("rollup.table.empty")));
        getColumns().setAll(java.util.List.of(
                column("rollup.column.pc", 130, e -> e.host().isEmpty() ? "\u2014" : e.host()),
                column("rollup.column.receipt", 190, e -> e.receiptId().isEmpty() ? e.file() : e.receiptId()),
                standing(),
                column("rollup.column.validity", 130, RollupTable::validity),
                column("rollup.column.technician", 130, RollupEntry::technician),
                column("rollup.column.time", 120, e -> time(e.time())),
                column("rollup.column.removed", 80, e -> e.productsRemoved() < 0 ? "\u2014" : String.valueOf(e.productsRemoved()))));
        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(RollupEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                boolean shown = !empty && entry != null;
                pseudoClassStateChanged(PROBLEM, shown && entry.counts() && !entry.validPass());
                pseudoClassStateChanged(OLDER, shown && entry.superseded());
                setTooltip(shown ? new Tooltip(why(entry)) : null);
            }
        });
    }

    private static TableColumn<RollupEntry, String> column(String key, double width, Function<RollupEntry, String> value) {
        TableColumn<RollupEntry, String> column = new TableColumn<>(Messages.get(key));
        column.setId(key.substring(key.lastIndexOf('.') + 1));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** The receipt's own result, coloured only when the receipt is genuine: a tampered PASS proves nothing. */
    private static TableColumn<RollupEntry, String> standing() {
        TableColumn<RollupEntry, String> column = column("rollup.column.result", 100,
                RollupTable::result);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
                RollupEntry entry = empty ? null : getTableRow().getItem();
                if (entry != null && entry.validity() == Validity.VALID && !entry.superseded()) {
                    getStyleClass().add(entry.validPass() ? Styles.SUCCESS
                            : entry.result().equals("fail") ? Styles.DANGER : Styles.WARNING);
                }
            }
        });
        return column;
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

    /** The receipt's UTC time in the technician's zone and format; as written when it is not a time. */
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
