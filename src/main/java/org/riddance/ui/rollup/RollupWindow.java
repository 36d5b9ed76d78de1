package org.riddance.ui.rollup;

import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.riddance.engine.AppContext;
import org.riddance.ui.Css;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;

/**
 * The roll-up screen in a window of its own beside the wizard: a table of fifty PCs needs more room than a dialog, and
 * the technician may switch back to the wizard while it reads. One at a time; asking again brings it to the front.
 */
public final class RollupWindow {

    /** Big enough for the seven columns; on a small screen (the wizard at 900x600) no bigger than the screen. */
    private static final double WIDTH = 1120;
    private static final double HEIGHT = 720;
    private static final double MIN_WIDTH = 760;
    private static final double MIN_HEIGHT = 520;

    private Stage stage;

    /**
     * @param dialogs makes the dialog service for the window's top layer, as the wizard's own are made
     */
    public void show(Window owner, AppContext context, String site, Function<StackPane, DialogService> dialogs) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        StackPane root = new StackPane();
        RollupView view = new RollupView(context, site, dialogs.apply(root));
        StackPane.setMargin(view, new Insets(16));
        root.getChildren().add(view);
        root.getStylesheets().add(Css.STYLESHEET);
        root.getStyleClass().add("rollup-root");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(Messages.get("rollup.title") + " \u2014 " + Messages.get("app.name"));
        stage.getIcons().setAll(owner instanceof Stage s ? s.getIcons() : java.util.List.of());
        stage.setScene(new Scene(root, Math.min(WIDTH, screen.getWidth() - 40), Math.min(HEIGHT, screen.getHeight() - 60)));
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setOnHidden(e -> view.stop()); // a closed window reads nothing further
        stage.show();
    }

    /** The open window, for tests and the screenshot tour; null when none is showing. */
    public Stage stage() {
        return stage != null && stage.isShowing() ? stage : null;
    }
}
