package org.riddance.ui.replacement;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.riddance.protection.AntivirusReport;
import org.riddance.protection.AntivirusRules;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;
import org.riddance.ui.ResultBanners;

/** The machine's overall verdict on top of the cards, with the next thing to do. */
final class ResultBanner {

    private ResultBanner() {
    }

    static VBox of(AntivirusReport r) {
        String style = r.pass() ? Styles.SUCCESS : r.incomplete() ? Styles.WARNING : Styles.DANGER;
        String key = r.pass() ? "av.result.pass" : r.incomplete() ? "av.result.incomplete"
                : r.active().isEmpty() ? "av.result.none" : "av.result.fail";
        FontIcon icon = new FontIcon(r.pass() ? Material2MZ.VERIFIED_USER : Material2AL.CANCEL);
        Label title = new Label(Messages.get(key), icon);
        title.setId("av-result");
        title.getStyleClass().addAll(Styles.TITLE_4, style);
        VBox box = new VBox(4, title);
        for (String advice : r.advice()) {
            Label next = new Label(Messages.get("av.next", adviceText(advice)), new FontIcon(Material2AL.ARROW_FORWARD));
            next.setWrapText(true);
            next.getStyleClass().add(Css.AV_ADVICE);
            box.getChildren().add(new HBox(next));
        }
        if (r.pass()) {
            Label body = new Label(Messages.get("av.result.pass.body"));
            body.setWrapText(true);
            box.getChildren().add(body);
        }
        r.sourcesFailed().forEach(f -> {
            Label failed = new Label(Messages.get("av.sourceFailed", f));
            failed.setWrapText(true);
            box.getChildren().add(failed);
        });
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().addAll(ResultBanners.RESULT_BANNER, "result-" + style);
        return box;
    }

    /** The core's advice, in the technician's language where the bundle has it. */
    private static String adviceText(String advice) {
        return switch (advice) {
            case AntivirusRules.INSTALL -> Messages.get("av.advice.install");
            case AntivirusRules.BANNED -> Messages.get("av.advice.banned");
            case AntivirusRules.TURN_ON -> Messages.get("av.advice.disabled");
            case AntivirusRules.REAL_TIME -> Messages.get("av.advice.real-time-off");
            case AntivirusRules.UPDATE -> Messages.get("av.advice.definitions-old");
            case AntivirusRules.STALE -> Messages.get("av.advice.stale");
            case AntivirusRules.EICAR -> Messages.get("av.advice.eicar-missed");
            default -> Messages.get("av.advice.unverified");
        };
    }
}
