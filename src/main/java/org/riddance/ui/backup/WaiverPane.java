package org.riddance.ui.backup;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.riddance.ui.Messages;

/**
 * Going on without a back-up: allowed, but only with a reason typed out, which goes into the journal and onto
 * the receipt. Folded away by default so it is a deliberate choice, not the easy path.
 */
final class WaiverPane extends TitledPane {

    static final int MIN_REASON = 15;

    WaiverPane(Consumer<String> onWaive) {
        setText(Messages.get("backup.waiver.title"));
        setId("backup-waiver");
        setExpanded(false);
        Label body = new Label(Messages.get("backup.waiver.body", MIN_REASON));
        body.setWrapText(true);
        TextArea reason = org.riddance.ui.Keyboard.tabLeaves(new TextArea());
        reason.setId("waiver-reason");
        reason.setPrefRowCount(2);
        reason.setWrapText(true);
        reason.setPromptText(Messages.get("backup.waiver.prompt"));
        Button waive = new Button(Messages.get("backup.waiver.confirm"));
        waive.setId("waive");
        waive.getStyleClass().add(Styles.DANGER);
        waive.disableProperty().bind(reason.textProperty().map(t -> t.strip().length() < MIN_REASON).orElse(true));
        waive.setOnAction(e -> onWaive.accept(reason.getText().strip()));
        setContent(new VBox(8, body, reason, waive));
    }
}
