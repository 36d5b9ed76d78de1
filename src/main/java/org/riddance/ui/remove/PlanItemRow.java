package org.riddance.ui.remove;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.riddance.removal.Blockage;
import org.riddance.removal.RemovalItem;
import org.riddance.removal.RemovalListener;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;

/** One plan item: what it is, the exact commands (passwords masked), and how it stands now. */
final class PlanItemRow extends VBox {

    private final Label status = new Label();
    private final Label detail = new Label();
    private final FontIcon icon = new FontIcon(Material2AL.HOURGLASS_EMPTY);
    private final javafx.scene.control.Hyperlink lastResort = new javafx.scene.control.Hyperlink(
            Messages.get("remove.kavremover.open"));
    private final boolean msi;

    /** @param onLastResort opens kavremover for this item; offered when its MSI uninstall failed or cannot run */
    PlanItemRow(int number, RemovalItem item, Runnable onLastResort) {
        super(4);
        setId("plan-" + item.id());
        getStyleClass().add(Css.PLAN_ITEM);
        Label name = new Label(number + ". " + item.product());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label kind = new Label(Messages.get("remove.kind", item.id(),
                Messages.get("remove.method." + item.method().name().toLowerCase(Locale.ROOT))));
        kind.getStyleClass().add(Styles.TEXT_MUTED);
        status.setId("status-" + item.id());
        // the name takes what is left and wraps; the status keeps its full width, so outcomes are never "..."
        name.setWrapText(true);
        name.setMinWidth(0);
        name.setMinHeight(Region.USE_PREF_SIZE);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        status.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, icon, name, status);
        top.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        kind.setWrapText(true);
        kind.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(top, kind);
        item.actions().forEach(a -> {
            Label command = new Label(a.describe());
            command.getStyleClass().add(Css.PLAN_COMMAND);
            command.setWrapText(true);
            getChildren().add(command);
        });
        item.blocked().ifPresent(why -> getChildren().add(wrapped(Messages.get("remove.blocked", why), Styles.WARNING)));
        if (!item.note().isBlank()) {
            getChildren().add(wrapped(Messages.get("remove.note", item.note()), Styles.TEXT_MUTED));
        }
        passwordNote(item).ifPresent(note -> {
            Label label = wrapped(note, Styles.TEXT_MUTED);
            label.setId("password-note-" + item.id());
            getChildren().add(label);
        });
        detail.setWrapText(true);
        detail.setId("detail-" + item.id());
        detail.managedProperty().bind(detail.textProperty().isNotEmpty());
        getChildren().add(detail);
        msi = item.method() == org.riddance.removal.RemovalMethod.MSI;
        lastResort.setId("kavremover-" + item.id());
        lastResort.setOnAction(e -> onLastResort.run());
        lastResort.managedProperty().bind(lastResort.visibleProperty());
        lastResort.setVisible(msi && item.blocked().isPresent());
        getChildren().add(lastResort);
        show(RemovalListener.Status.PLANNED, "");
    }

    /**
     * What a technician needs ready when this item's uninstaller takes a password (only where the plan for this
     * platform names the properties: Windows MSI today), in the technician's words, not the MSI property names.
     */
    static java.util.Optional<String> passwordNote(RemovalItem item) {
        if (item.passwordProperties().isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean agent = item.passwordProperties().contains(org.riddance.removal.Passwords.AGENT_PASSWORD);
        return java.util.Optional.of(Messages.get(agent ? "remove.password.note.agent" : "remove.password.note.product"));
    }

    void show(RemovalListener.Status state, String text) {
        status.setText(Messages.get("remove.status." + state.name().toLowerCase(Locale.ROOT)));
        status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.ACCENT);
        icon.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.ACCENT);
        String style = switch (state) {
            case REMOVED, CLEANED -> Styles.SUCCESS;
            case FAILED -> Styles.DANGER;
            case REBOOT_NEEDED, SKIPPED -> Styles.WARNING;
            case RUNNING, UNINSTALLED -> Styles.ACCENT;
            case PLANNED -> "";
        };
        if (!style.isEmpty()) {
            status.getStyleClass().add(style);
            icon.getStyleClass().add(style);
        }
        icon.setIconCode(switch (state) {
            case REMOVED, CLEANED -> Material2AL.CHECK_CIRCLE;
            case FAILED -> Material2AL.ERROR;
            case REBOOT_NEEDED -> Material2MZ.REPLAY;
            case RUNNING -> Material2MZ.PLAY_CIRCLE_OUTLINE;
            case UNINSTALLED -> Material2AL.CHECK;
            case SKIPPED -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
            case PLANNED -> Material2AL.HOURGLASS_EMPTY;
        });
        if (text != null && !text.isBlank()) {
            detail.setText(text);
        }
        if (state == RemovalListener.Status.FAILED) {
            lastResort.setVisible(msi);
        } else if (state != RemovalListener.Status.PLANNED) {
            lastResort.setVisible(false);
        }
    }

    /** Which of Kaspersky's protections stopped the item and what the technician does next, in place of the detail. */
    void showBlockage(Blockage why) {
        detail.setText(Messages.get("remove.blockage." + why.id()) + "\n" + Messages.get("remove.blockage." + why.id() + ".next"));
        detail.getStyleClass().remove(Styles.DANGER);
        detail.getStyleClass().add(Styles.DANGER);
    }

    private static Label wrapped(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        return label;
    }
}
