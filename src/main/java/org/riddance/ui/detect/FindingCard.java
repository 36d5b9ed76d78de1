package org.riddance.ui.detect;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.riddance.detect.Evidence;
import org.riddance.detect.Finding;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;

/** One finding: a header with product, version, category and removability; the evidence when expanded. */
final class FindingCard extends TitledPane {

    FindingCard(Finding finding, DialogService dialogs) {
        setId("finding-" + finding.productId());
        getStyleClass().add("finding-card");
        setExpanded(false);

        Label name = new Label(finding.product() + (finding.version().isEmpty() ? "" : "  " + finding.version()));
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label category = new Label(Messages.get("detect.category." + finding.category().id()));
        category.getStyleClass().addAll("category-badge", "category-" + finding.category().id());
        Label evidenceCount = new Label(Messages.get("detect.evidence", finding.evidence().size()));
        evidenceCount.getStyleClass().add(Styles.TEXT_MUTED);
        FontIcon removable = new FontIcon(finding.removable() ? Material2AL.CHECK_CIRCLE_OUTLINE : Material2AL.INFO);
        removable.getStyleClass().add(finding.removable() ? "removable-icon" : "manual-icon");
        Label removableText = new Label(Messages.get(finding.removable() ? "detect.removable" : "detect.notRemovable"),
                removable);
        removableText.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, new FontIcon(Material2MZ.WARNING), name, category, spacer, evidenceCount);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("finding-header");
        // a TitledPane sizes its graphic to content; tie it to the pane so long names shrink instead of overflowing
        header.setMinWidth(0);
        header.prefWidthProperty().bind(widthProperty().subtract(48));
        name.setMinWidth(0);
        name.setWrapText(true); // a long product name takes two lines rather than ending in "..."
        name.setMinHeight(Region.USE_PREF_SIZE);
        category.setMinWidth(Region.USE_PREF_SIZE);
        evidenceCount.setMinWidth(Region.USE_PREF_SIZE);
        setGraphic(header);
        setText(null);

        GridPane evidence = new GridPane();
        javafx.scene.layout.ColumnConstraints kinds = new javafx.scene.layout.ColumnConstraints();
        kinds.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints details = new javafx.scene.layout.ColumnConstraints();
        details.setHgrow(Priority.ALWAYS);
        details.setMinWidth(0);
        evidence.getColumnConstraints().setAll(kinds, details);
        evidence.getStyleClass().add("evidence-grid");
        int row = 0;
        for (Evidence e : finding.evidence()) {
            String kindKey = "detect.evidence.kind." + e.kind().id();
            Label kind = new Label(Messages.has(kindKey) ? Messages.get(kindKey) : e.kind().id());
            kind.setWrapText(true);
            kind.setMaxWidth(150);
            kind.getStyleClass().addAll("evidence-kind", Styles.TEXT_SMALL);
            Label location = shrinkable(e.location());
            location.getStyleClass().add("evidence-location");
            Label detail = shrinkable(e.detail());
            detail.getStyleClass().add(Styles.TEXT_MUTED);
            VBox text = new VBox(2, location, detail);
            text.setMinWidth(0);
            evidence.add(kind, 0, row);
            evidence.add(text, 1, row++);
        }
        Button why = new Button(Messages.get("detect.why"), new FontIcon(Material2MZ.MENU_BOOK));
        why.setId("why-" + finding.productId());
        why.getStyleClass().add(Styles.FLAT);
        why.setOnAction(e -> dialogs.show(Messages.get("citations.title", finding.product()),
                new CitationsView(finding.citations())));
        evidence.setMinWidth(0);
        VBox content = new VBox(10, removableText, evidence, why);
        content.setMinWidth(0);
        setContent(content);
        setMinWidth(0);
    }

    /** Wraps at spaces and, in paths and registry keys, after each separator; the text as found is in the tooltip. */
    private static Label shrinkable(String text) {
        Label label = new Label(org.riddance.ui.Wrapping.atSeparators(text));
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setTooltip(new javafx.scene.control.Tooltip(text));
        return label;
    }
}
