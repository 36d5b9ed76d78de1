package org.riddance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Core code never depends on JavaFX: only the launcher ({@code app}) and the wizard ({@code ui}) may. */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/riddance");

    @Test
    void onlyAppAndUiImportJavaFx() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(MAIN.resolve("ui")))
                    .filter(f -> !isJavaFxLauncher(f))
                    .filter(ArchitectureTest::importsJavaFx)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).as("core classes importing javafx").isEmpty();
    }

    @Test
    void theScanCoversEveryCorePackage() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            assertThat(dirs.map(d -> d.getFileName().toString()).toList())
                    .contains("platform", "journal", "session", "cli", "work");
        }
    }

    /** In {@code app}, only the JavaFX Application class itself may touch JavaFX. */
    private static boolean isJavaFxLauncher(Path file) {
        return file.equals(MAIN.resolve("app/RiddanceApp.java"));
    }

    private static boolean importsJavaFx(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .anyMatch(line -> line.startsWith("import javafx.") || line.startsWith("import static javafx.")
                            || line.contains(" javafx.") && !line.startsWith("*") && !line.startsWith("//"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
