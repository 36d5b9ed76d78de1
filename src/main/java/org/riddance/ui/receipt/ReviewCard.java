package org.riddance.ui.receipt;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.riddance.receipt.ReceiptDocument;
import org.riddance.receipt.ReceiptPayload;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;

/**
 * What the receipt will say, read from the journal before anything is signed: the result and why, who and for whom,
 * each product's outcome, the back-up and the replacement antivirus. The technician reviews it, then signs.
 */
final class ReviewCard extends VBox {

    ReviewCard(ReceiptPayload preview) {
        super(6);
        setId("receipt-review");
        getStyleClass().add("key-card");
        Label title = new Label(Messages.get("receipt.review.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label result = new Label(Messages.get("receipt.review.result." + preview.result()) + " "
                + ReceiptDocument.headline(preview));
        result.setId("receipt-review-result");
        result.setWrapText(true);
        result.getStyleClass().add(switch (preview.result()) {
            case "pass" -> Styles.SUCCESS;
            case "fail" -> Styles.DANGER;
            default -> Styles.WARNING;
        });
        getChildren().addAll(title, result,
                line(Messages.get("receipt.review.who", preview.technician().name(), preview.site(),
                        preview.ticket().isEmpty() ? "\u2014" : preview.ticket())));
        if (preview.products().isEmpty()) {
            getChildren().add(line(Messages.get("receipt.review.noProducts")));
        }
        for (ReceiptPayload.ProductOutcome p : preview.products()) {
            getChildren().add(line(Messages.get("receipt.review.product", p.name(),
                    Messages.get("receipt.review.outcome." + p.outcome()))));
        }
        getChildren().add(line(switch (preview.backup().status()) {
            case "verified" -> Messages.get("receipt.review.backup.verified");
            case "waived" -> Messages.get("receipt.review.backup.waived", preview.backup().waiverReason());
            default -> Messages.get("receipt.review.backup.none");
        }));
        ReceiptPayload.Antivirus av = preview.antivirus();
        getChildren().add(line(av.state().equals("not-checked") ? Messages.get("receipt.review.av.none")
                : Messages.get("receipt.review.av", av.name(), av.state())));
        if (!preview.notes().isEmpty()) {
            getChildren().add(line(Messages.get("receipt.review.notes", preview.notes())));
        }
    }

    private static Label line(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Css.MACHINE_LINE);
        return label;
    }
}
