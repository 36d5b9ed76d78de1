package org.riddance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;

/** Every string the wizard shows comes from messages.properties, and every key used there exists. */
class MessagesTest {

    private static final Path UI = Path.of("src/main/java/org/riddance/ui");
    private static final Pattern KEY_USE = Pattern.compile("(?:Messages\\.(?:get|plain)|\\bheading|\\bintro)\\(\"([^\"]+)\"\\s*[,)]");
    private static final Pattern LITERAL_TEXT = Pattern.compile(
            "(new (Label|Button|Tooltip|TextField|CheckBox|RadioButton|Hyperlink)\\(\"[^\"]+\""
            + "|\\.set(Text|Title|HeaderText|PromptText|AccessibleText)\\(\"[^\"]+\")");

    @Test
    void everyKeyTheUiUsesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String source : uiSources()) {
            Matcher m = KEY_USE.matcher(source);
            while (m.find()) {
                if (!Messages.has(m.group(1))) {
                    missing.add(m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void keysBuiltFromNamesExist() {
        for (Step step : Step.values()) {
            assertThat(Messages.has("step." + step.id() + ".title")).as(step.id()).isTrue();
            if (step != Step.WELCOME) {
                assertThat(Messages.has("unavailable." + step.id())).as(step.id()).isTrue();
                assertThat(Messages.has("welcome.plan." + step.id())).as(step.id()).isTrue();
            }
        }
        for (var state : org.riddance.ui.shell.StepState.values()) {
            assertThat(Messages.has(state.messageKey())).isTrue();
        }
        SessionInfo bad = new SessionInfo("", "bad id!", "", "bad ticket!", "x".repeat(SessionInfo.NOTES_MAX + 1));
        assertThat(bad.problems().values()).allSatisfy(key -> assertThat(Messages.has(key)).as(key).isTrue());
        assertThat(bad.problems()).hasSize(5);
    }

    @Test
    void apostrophesComeOutSingleWithOrWithoutArguments() {
        assertThat(Messages.get("unavailable.backup")).contains("product's").doesNotContain("''");
        assertThat(Messages.get("validation.technicianName.required")).contains("technician's");
    }

    /** A lone ' starts a MessageFormat quote and swallows text; MSI property names, "null" and exception names are
     *  developer words a technician should never read. */
    @Test
    void everyMessageIsInTechniciansWords() throws IOException {
        Pattern developerWords = Pattern.compile(
                "(?<!')'(?!')|\\bnull\\b|Exception|\\bKL(LOGIN|PASSWD|UNINSTPASSWD)\\b|\\b[A-Z]+_[A-Z_]+\\b");
        List<String> bad = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_de.properties")) {
            java.util.Properties messages = new java.util.Properties();
            try (var in = Files.newBufferedReader(Path.of("src/main/resources/org/riddance/i18n", file))) {
                messages.load(in);
            }
            messages.forEach((key, value) -> {
                if (developerWords.matcher(value.toString()).find()) {
                    bad.add(file + ": " + key + "=" + value);
                }
            });
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void noUserVisibleTextIsHardCodedInTheUi() throws IOException {
        List<String> literals = new ArrayList<>();
        for (String source : uiSources()) {
            Matcher m = LITERAL_TEXT.matcher(source);
            while (m.find()) {
                literals.add(m.group());
            }
        }
        assertThat(literals).isEmpty();
    }

    private static List<String> uiSources() throws IOException {
        try (Stream<Path> files = Files.walk(UI)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
