package org.riddance.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every string the wizard shows comes from {@code i18n/messages*.properties} through here. */
public final class Messages {

    public static final String BUNDLE = "org.riddance.i18n.messages";
    private static ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault());

    private Messages() {
    }

    /** The languages the wizard speaks; the first is the fallback. */
    public static final java.util.List<Locale> LANGUAGES = java.util.List.of(Locale.ENGLISH, Locale.GERMAN);

    /** The language in use: the technician's choice, else the OS's if the wizard speaks it, else English. */
    public static Locale locale() {
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(bundle.getLocale().getLanguage())).findFirst()
                .orElse(Locale.ENGLISH);
    }

    /** Views built after this speak {@code locale}; the receipt helper reads {@link #locale()} for the PDF. */
    public static void setLocale(Locale locale) {
        bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // visible in screenshots and caught by MessagesTest, never a crash in the field
        }
        // always through MessageFormat, so '' means ' in every message, with or without arguments
        return new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** Text without the mnemonic underscore, for places that show but do not activate. */
    public static String plain(String key) {
        return get(key).replace("_", "");
    }
}
