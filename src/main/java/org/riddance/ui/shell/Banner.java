package org.riddance.ui.shell;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.riddance.platform.Privileges;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;

/** A notice under the header about how this run differs from the usual: not elevated, or working on a sandbox. */
final class Banner extends HBox {

    private Banner(String id, String styleClass, Ikon icon, String title, String body) {
        super(12);
        getStyleClass().addAll(Css.PRIVILEGE_BANNER, styleClass);
        setId(id);
        setAlignment(Pos.CENTER_LEFT);
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("banner-icon");
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        Label text = new Label(body);
        text.setWrapText(true);
        VBox words = new VBox(2, heading, text);
        HBox.setHgrow(words, Priority.ALWAYS);
        getChildren().addAll(graphic, words);
    }

    /** Says plainly what works without administrator rights and offers the OS's way to get them. */
    static Banner privileges(Privileges privileges, Runnable relaunch) {
        boolean canRelaunch = privileges.canRelaunchElevated();
        Banner banner = new Banner("privilege-banner", "banner-warning", Material2AL.ADMIN_PANEL_SETTINGS,
                Messages.get("privileges.title"), Messages.get("privileges.body")
                        + (canRelaunch ? "" : " " + Messages.get("privileges.relaunch.unavailable")));
        if (canRelaunch) {
            Button button = new Button(Messages.get("privileges.relaunch"));
            button.setId("relaunch-elevated");
            button.setOnAction(e -> relaunch.run());
            banner.getChildren().add(button);
        }
        return banner;
    }

    /** Everything Riddance reads and changes is under {@code root}, not this PC's own system. */
    static Banner sandbox(Path root) {
        return new Banner("sandbox-banner", "banner-info", Material2MZ.SCIENCE, Messages.get("sandbox.title"),
                Messages.get("sandbox.body", root));
    }
}
