package org.riddance.ui.detect;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.riddance.catalog.Citation;
import org.riddance.ui.Messages;

/** "Why is this banned?": each act or warning with its date, reference, what it says and its deadlines. */
final class CitationsView extends ScrollPane {

    CitationsView(List<Citation> citations) {
        VBox list = new VBox(16);
        list.setId("citations");
        for (Citation c : citations) {
            Label title = new Label(c.jurisdiction() + " \u00b7 " + c.title());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            title.setWrapText(true);
            Label meta = new Label(c.issued() + " \u00b7 " + c.reference() + " \u00b7 "
                    + Messages.get(c.binding() ? "citations.binding" : "citations.advice")
                    + (c.embedded() ? " \u00b7 " + Messages.get("citations.embedded") : ""));
            meta.getStyleClass().add(Styles.TEXT_MUTED);
            meta.setWrapText(true);
            Label summary = new Label(c.summary());
            summary.setWrapText(true);
            VBox entry = new VBox(4, title, meta, summary);
            for (Citation.Milestone m : c.milestones()) {
                Label milestone = new Label(Messages.get("citations.milestone", m.date(), m.what()));
                milestone.setWrapText(true);
                entry.getChildren().add(milestone);
            }
            list.getChildren().add(entry);
        }
        setContent(list);
        setFitToWidth(true);
        setPrefViewportHeight(420);
    }
}
