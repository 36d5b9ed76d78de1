package org.riddance.ui;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Keyboard habits the stock controls lack. */
public final class Keyboard {

    private Keyboard() {
    }

    /**
     * Tab and Shift+Tab leave a multi-line field, as in every other field of the form; notes rarely need a tab
     * character, and a keyboard user must never be trapped. The TextArea moves focus on Ctrl+Tab, so Tab is
     * handed on as that.
     */
    public static <T extends TextArea> T tabLeaves(T area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                area.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), e.getEventType(), e.getCharacter(),
                        e.getText(), e.getCode(), e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
            }
        });
        return area;
    }
}
