package org.riddance.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers the wizard's dialogs from the test and remembers what was asked. */
public final class ScriptedDialogs implements DialogService {

    public volatile boolean confirmAnswer = true;
    public volatile int chooseAnswer = 0;
    public final List<String> asked = new CopyOnWriteArrayList<>();
    public final List<Throwable> errors = new CopyOnWriteArrayList<>();
    public final List<javafx.scene.Node> shown = new CopyOnWriteArrayList<>();

    @Override
    public boolean confirm(String title, String message) {
        asked.add("confirm: " + title);
        return confirmAnswer;
    }

    @Override
    public void showError(String title, Throwable error) {
        asked.add("error: " + title);
        errors.add(error);
    }

    @Override
    public void notify(String message) {
        asked.add("notify: " + message);
    }

    @Override
    public void show(String title, javafx.scene.Node content) {
        asked.add("show: " + title);
        shown.add(content);
    }

    @Override
    public void inform(String title, String message) {
        asked.add("inform: " + title + " / " + message);
    }

    @Override
    public int choose(String title, String message, List<String> options) {
        asked.add("choose: " + title + " / " + message);
        return chooseAnswer;
    }

    /** What the password dialog answers; empty means the technician cancelled. */
    public volatile java.util.Optional<Credentials> passwordAnswer = java.util.Optional.empty();

    @Override
    public java.util.Optional<Credentials> askPassword(String title, String message, java.util.Optional<String> account) {
        asked.add("password: " + title + " / " + message + account.map(a -> " / account " + a).orElse(""));
        return passwordAnswer;
    }
}
