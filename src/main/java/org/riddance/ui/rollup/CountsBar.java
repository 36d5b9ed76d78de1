package org.riddance.ui.rollup;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.riddance.ui.Messages;

/**
 * The counts the office reads first, above the table: receipts and PCs, then one button per standing (valid PASS,
 * FAIL, INCOMPLETE, tampered, unknown key, unreadable, missing, older duplicates). A button shows its rows; a
 * non-zero count of a problem is red or amber, so a glance says whether anything needs a look.
 */
final class CountsBar extends FlowPane {

    private final Label totals = new Label();
    private final Map<RowFilter, Button> buttons = new EnumMap<>(RowFilter.class);

    CountsBar(Consumer<RowFilter> show) {
        super(8, 6);
        setId("rollup-counts");
        totals.setId("count-totals");
        totals.getStyleClass().add(Styles.TEXT_BOLD);
        getChildren().add(totals);
        for (RowFilter filter : RowFilter.values()) {
            if (filter.countKey.isEmpty()) {
                continue;
            }
            Button button = new Button();
            button.setId("count-" + filter.countKey);
            button.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED, "count-chip");
            button.setOnAction(e -> show.accept(filter));
            buttons.put(filter, button);
            getChildren().add(button);
        }
        show(Map.of());
    }

    /** @param counts as {@code RollupReport.counts()} names them; a missing count is zero */
    void show(Map<String, Integer> counts) {
        totals.setText(Messages.get("rollup.counts.totals", counts.getOrDefault("files", 0), counts.getOrDefault("pcs", 0)));
        buttons.forEach((filter, button) -> {
            int n = counts.getOrDefault(filter.countKey, 0);
            button.setText(Messages.get("rollup.count." + filter.name().toLowerCase(Locale.ROOT), n));
            button.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
            String tone = tone(filter, n);
            if (!tone.isEmpty()) {
                button.getStyleClass().add(tone);
            }
        });
    }

    private static String tone(RowFilter filter, int n) {
        if (n == 0) {
            return "";
        }
        return switch (filter) {
            case PASS -> Styles.SUCCESS;
            case FAIL, TAMPERED, UNKNOWN_KEY, MISSING -> Styles.DANGER;
            case INCOMPLETE, UNREADABLE -> Styles.WARNING;
            default -> "";
        };
    }
}
