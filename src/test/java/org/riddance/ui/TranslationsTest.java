package org.riddance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** German is a whole second language: the same keys, the same placeholders, and every message formats. */
class TranslationsTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/org/riddance/i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @AfterEach
    void backToEnglish() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        Properties en = load("messages.properties");
        Properties de = load("messages_de.properties");
        Set<String> onlyEnglish = new TreeSet<>(en.stringPropertyNames());
        onlyEnglish.removeAll(de.stringPropertyNames());
        Set<String> onlyGerman = new TreeSet<>(de.stringPropertyNames());
        onlyGerman.removeAll(en.stringPropertyNames());
        assertThat(onlyEnglish).as("keys with no German text").isEmpty();
        assertThat(onlyGerman).as("German keys English does not have").isEmpty();
    }

    @Test
    void germanMessagesTakeTheSameArgumentsAndFormat() throws IOException {
        Properties en = load("messages.properties");
        Properties de = load("messages_de.properties");
        for (String key : en.stringPropertyNames()) {
            String german = de.getProperty(key);
            assertThat(arguments(german)).as(key).isEqualTo(arguments(en.getProperty(key)));
            Object[] args = {3, 2, "x", "y", "z"};
            assertThat(new MessageFormat(german, Locale.GERMAN).format(args)).as(key).doesNotContain("{");
            assertThat(german).as(key + " (a lone ' would swallow text in MessageFormat)").doesNotContain("'");
        }
    }

    @Test
    void switchingToGermanChangesWhatTheWizardSays() {
        Messages.setLocale(Locale.GERMAN);
        assertThat(Messages.locale()).isEqualTo(Locale.GERMAN);
        assertThat(Messages.get("step.backup.title")).isEqualTo("Sichern");
        assertThat(Messages.get("remove.confirm.do", 3)).isEqualTo("3 Produkte entfernen");
        Messages.setLocale(Locale.ENGLISH);
        assertThat(Messages.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.get("remove.confirm.do", 3)).isEqualTo("Remove 3 products");
        assertThat(Messages.get("remove.confirm.do", 1)).isEqualTo("Remove 1 product");
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
