package org.riddance.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** Finds labels, buttons and titles whose text JavaFX had to cut short with an ellipsis. */
public final class Clipping {

    private Clipping() {
    }

    /** Each clipped Labeled that is showing, as "id or class: full text -> shown text". Call on the FX thread. */
    public static List<String> clippedIn(Node root) {
        List<String> found = new ArrayList<>();
        walk(root, found);
        return found;
    }

    private static void walk(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            shownText(labeled).filter(shown -> isCut(labeled, shown))
                    .ifPresent(shown -> found.add(describe(labeled) + ": \"" + labeled.getText() + "\" shown as \""
                            + shown + "\""));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, found);
            }
        }
    }

    /** The Text node the skin draws: what the technician actually reads. */
    private static java.util.Optional<String> shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return java.util.Optional.ofNullable(text.getText());
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean isCut(Labeled labeled, String shown) {
        String full = labeled.getText().replace("_", "");
        String ellipsis = labeled.getEllipsisString();
        String plainShown = shown.replace("_", "");
        return !plainShown.equals(full) && !ellipsis.isEmpty()
                && (plainShown.endsWith(ellipsis) || plainShown.startsWith(ellipsis) || plainShown.contains(ellipsis));
    }

    private static String describe(Labeled labeled) {
        String id = labeled.getId() != null ? "#" + labeled.getId() : labeled.getClass().getSimpleName();
        Parent parent = labeled.getParent();
        for (int i = 0; i < 4 && parent != null && parent.getId() == null; i++) {
            parent = parent.getParent();
        }
        return id + (parent != null && parent.getId() != null ? " in #" + parent.getId() : "");
    }
}
