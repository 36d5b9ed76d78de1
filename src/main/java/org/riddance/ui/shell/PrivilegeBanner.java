package org.riddance.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.riddance.platform.Privileges;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;

/** Says plainly what works without administrator rights and offers the OS's way to get them. */
final class PrivilegeBanner extends HBox {

    PrivilegeBanner(Privileges privileges, Runnable relaunch) {
        super(12);
        getStyleClass().add(Css.PRIVILEGE_BANNER);
        setId("privilege-banner");
        setAlignment(Pos.CENTER_LEFT);
        boolean canRelaunch = privileges.canRelaunchElevated();
        FontIcon icon = new FontIcon(Material2AL.ADMIN_PANEL_SETTINGS);
        icon.getStyleClass().add("banner-icon");
        Label title = new Label(Messages.get("privileges.title"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label body = new Label(Messages.get("privileges.body")
                + (canRelaunch ? "" : " " + Messages.get("privileges.relaunch.unavailable")));
        body.setWrapText(true);
        VBox text = new VBox(2, title, body);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(icon, text);
        if (canRelaunch) {
            Button button = new Button(Messages.get("privileges.relaunch"));
            button.setId("relaunch-elevated");
            button.setOnAction(e -> relaunch.run());
            getChildren().add(button);
        }
    }
}
