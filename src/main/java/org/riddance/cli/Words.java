package org.riddance.cli;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The wizard's own wording for the rules both faces share, so the command line says it the same way. */
final class Words {

    private static final String BUNDLE = "org.riddance.i18n.messages";

    private Words() {
    }

    /** A validation message of the Welcome step, e.g. {@code validation.site.required}. */
    static String validation(String key) {
        try {
            return new MessageFormat(ResourceBundle.getBundle(BUNDLE).getString(key)).format(new Object[0]);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
