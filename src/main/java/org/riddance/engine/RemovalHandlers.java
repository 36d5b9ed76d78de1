package org.riddance.engine;

import org.riddance.removal.HangPolicy;
import org.riddance.removal.PasswordPrompt;
import org.riddance.removal.RemovalListener;
import org.riddance.removal.RemovalOptions;

/**
 * What removal asks of whoever drives it: how long a step may take, what to do with an uninstaller that hangs,
 * how to ask for a password, and where news goes. The wizard answers with dialogs; a command never asks.
 */
public record RemovalHandlers(RemovalOptions options, HangPolicy hang, PasswordPrompt prompt, RemovalListener listener) {

    /** Nobody to ask: a hung uninstaller is stopped at its limit and a missing password fails the item. */
    public static RemovalHandlers unattended() {
        return new RemovalHandlers(RemovalOptions.defaults(), HangPolicy.stopAtLimit(), PasswordPrompt.NONE,
                RemovalListener.NONE);
    }

    public RemovalHandlers withListener(RemovalListener newListener) {
        return new RemovalHandlers(options, hang, prompt, newListener);
    }

    public RemovalHandlers withOptions(RemovalOptions newOptions) {
        return new RemovalHandlers(newOptions, hang, prompt, listener);
    }
}
