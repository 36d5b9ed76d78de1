package org.riddance.ui.rollup;

import atlantafx.base.theme.Styles;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.riddance.rollup.RollupEntry;
import org.riddance.ui.Messages;

/** Which rows to show (all, problems only, one standing) and a PC name to look for, with how many rows that leaves. */
final class FilterBar extends HBox {

    private final ComboBox<RowFilter> filter = new ComboBox<>(FXCollections.observableArrayList(RowFilter.values()));
    private final TextField search = new TextField();
    private final ObjectBinding<Predicate<RollupEntry>> predicate;

    FilterBar(ObservableList<RollupEntry> shown, ObservableList<RollupEntry> all) {
        super(10);
        filter.setId("rollup-filter");
        filter.setValue(RowFilter.ALL);
        search.setId("rollup-search");
        search.setPromptText(Messages.get("rollup.search"));
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(320);
        Label showing = new Label();
        showing.setId("rollup-showing");
        showing.getStyleClass().add(Styles.TEXT_MUTED);
        showing.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("rollup.showing", shown.size(), all.size()),
                shown, all));
        predicate = Bindings.createObjectBinding(() -> {
            RowFilter chosen = filter.getValue() == null ? RowFilter.ALL : filter.getValue();
            String text = search.getText();
            return entry -> chosen.shows(entry, text);
        }, filter.valueProperty(), search.textProperty());
        getChildren().addAll(new Label(Messages.get("rollup.filter")), filter, search, showing);
        setAlignment(Pos.CENTER_LEFT);
    }

    /** The rows the choice and the name let through. */
    ObjectBinding<Predicate<RollupEntry>> predicate() {
        return predicate;
    }

    /** Shows the rows of one standing: what a count above the table does when pressed. */
    void show(RowFilter rows) {
        filter.setValue(rows);
    }
}
