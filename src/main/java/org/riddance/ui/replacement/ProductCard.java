package org.riddance.ui.replacement;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.riddance.protection.AntivirusProduct;
import org.riddance.protection.EicarOutcome;
import org.riddance.protection.Problem;
import org.riddance.protection.ProductVerdict;
import org.riddance.protection.Switch;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;

/** One antivirus product: its verdict, the four facts the rules judge, and what to do about each failure. */
final class ProductCard extends VBox {

    ProductCard(ProductVerdict verdict, Instant checkedAt) {
        super(10);
        AntivirusProduct p = verdict.product();
        setId("av-" + p.id());
        getStyleClass().addAll(Css.AV_CARD, "av-" + verdict.status().id());

        FontIcon icon = new FontIcon(switch (verdict.status()) {
            case PASS -> Material2AL.CHECK_CIRCLE;
            case FAIL -> Material2AL.CANCEL;
            case UNVERIFIED -> Material2AL.HELP_OUTLINE;
        });
        icon.getStyleClass().add(Css.AV_STATUS_ICON);
        Label name = new Label(p.name() + (p.version().isBlank() ? "" : "  " + p.version()));
        name.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TITLE_4);
        name.setMinWidth(Region.USE_PREF_SIZE); // the source line gives way first
        Label badge = new Label(Messages.get("av.status." + verdict.status().id()));
        badge.setId("av-status-" + p.id());
        badge.getStyleClass().addAll(Css.AV_BADGE, "av-badge-" + verdict.status().id());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label source = new Label(Messages.get("av.source", p.source()));
        source.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        source.setMinWidth(0);
        source.setTooltip(new javafx.scene.control.Tooltip(p.source()));
        HBox header = new HBox(10, icon, name, badge, spacer, source);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.getStyleClass().add(Css.AV_FACTS);
        String none = Messages.get("av.notApplicable");
        fact(facts, 0, "av.fact.enabled", p.stale() ? Messages.get("av.stale") : onOff(p.enabled()));
        fact(facts, 1, "av.fact.realTime", p.stale() ? none : onOff(p.realTime()));
        fact(facts, 2, "av.fact.definitions", p.stale() ? none : definitions(p, checkedAt));
        fact(facts, 3, "av.fact.eicar", p.stale() ? none : eicar(verdict.eicar()));

        VBox problems = new VBox(6);
        for (Problem problem : verdict.allProblems()) {
            Label what = new Label(problem.message());
            what.setWrapText(true);
            Label next = new Label(Messages.get("av.next", Messages.get("av.advice." + problem.kind().id())),
                    new FontIcon(Material2AL.ARROW_FORWARD));
            next.setWrapText(true);
            next.getStyleClass().addAll(Css.AV_ADVICE, Styles.TEXT_BOLD);
            problems.getChildren().addAll(new VBox(2, what, next));
        }
        problems.managedProperty().bind(problems.visibleProperty());
        problems.setVisible(!problems.getChildren().isEmpty());

        VBox notes = new VBox(2);
        EicarOutcome.Result tested = verdict.eicar().result();
        if (tested != EicarOutcome.Result.NOT_RUN && tested != EicarOutcome.Result.NOT_DETECTED) {
            Label detail = new Label(Messages.get("av.eicar.detail", verdict.eicar().detail()),
                    new FontIcon(Material2AL.BUG_REPORT));
            detail.setId("av-eicar-detail-" + p.id());
            detail.setWrapText(true);
            detail.getStyleClass().add(Styles.TEXT_SMALL);
            notes.getChildren().add(detail);
        }
        for (String note : p.notes()) {
            Label n = new Label(note, new FontIcon(Material2AL.INFO));
            n.setWrapText(true);
            n.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            notes.getChildren().add(n);
        }
        getChildren().addAll(header, facts, problems, notes);
        setMinWidth(0);
    }

    private static void fact(GridPane grid, int column, String key, String value) {
        Label title = new Label(Messages.get(key));
        title.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label text = new Label(value);
        text.getStyleClass().add(Styles.TEXT_BOLD);
        text.setWrapText(true);
        VBox cell = new VBox(2, title, text);
        cell.setMinWidth(0);
        cell.setPrefWidth(170);
        grid.add(cell, column, 0);
    }

    private static String onOff(Switch s) {
        return Messages.get("av.switch." + s.id());
    }

    private static String definitions(AntivirusProduct p, Instant now) {
        long age = p.definitionsAgeDays(now);
        if (age >= 0) {
            return Messages.get("av.definitions.age", age);
        }
        return p.definitionsCurrent().map(c -> Messages.get(c ? "av.definitions.current" : "av.definitions.outdated"))
                .orElse(Messages.get("av.definitions.unknown"));
    }

    private static String eicar(EicarOutcome outcome) {
        return Messages.get("av.eicar." + outcome.result().id());
    }
}
