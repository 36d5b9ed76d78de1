package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input that does not lie: ANSI code pages, damaged lines read around, the public corpus, linear cost. */
class RegFileReadTest {

    private static final Path CORPUS = Path.of("..", "shared", "corpus", "reg").toAbsolutePath().normalize();

    static Stream<Arguments> ansiExports() {
        return Stream.of(
                Arguments.of("windows-1251", "АО «Лаборатория Касперского»", "Kaspersky Endpoint Security 10 для Windows"),
                Arguments.of("windows-1250", "Zażółć gęślą jaźń", "Příliš žluťoučký kůň úpěl ďábelské ódy"),
                Arguments.of("windows-1252", "Größe der Übersicht", "Agent d'administration de Kaspersky Security Center"));
    }

    /** regedit writes REGEDIT4 in the PC's code page and says nothing of it; the text must come out as written. */
    @ParameterizedTest
    @MethodSource("ansiExports")
    void aRegedit4ExportIsReadInTheCodePageItWasWrittenIn(String codePage, String publisher, String name)
            throws IOException {
        String text = "REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Uninstall\\X]\r\n\"Publisher\"=\"" + publisher
                + "\"\r\n\"DisplayName\"=\"" + name + "\"\r\n";
        byte[] bytes = text.getBytes(Charset.forName(codePage));

        InMemoryRegistry registry = RegFileParser.read(bytes, "pc.reg");

        assertThat(registry.value("HKLM\\SOFTWARE\\Uninstall\\X", "Publisher").orElseThrow().data()).isEqualTo(publisher);
        assertThat(registry.value("HKLM\\SOFTWARE\\Uninstall\\X", "DisplayName").orElseThrow().data()).isEqualTo(name);
        assertThat(registry.unreadable()).isEmpty();
    }

    @Test
    void theCodePageIsToldFromTheWholeFileNotItsFirstLines(@TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder("REGEDIT4\r\n\r\n");
        for (int i = 0; i < 40_000; i++) { // about 2 MB of ASCII first
            text.append("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Filler\\").append(i).append("]\r\n\"A\"=\"plain\"\r\n");
        }
        text.append("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Last]\r\n\"Publisher\"=\"Лаборатория Касперского\"\r\n");
        Path file = Files.write(dir.resolve("ru.reg"), text.toString().getBytes(Charset.forName("windows-1251")));

        InMemoryRegistry registry = RegFileParser.read(file);

        assertThat(registry.value("HKLM\\SOFTWARE\\Last", "Publisher").orElseThrow().data()).isEqualTo("Лаборатория Касперского");
    }

    @Test
    void hexStringsOfARegedit4ExportUseItsCodePageToo() throws IOException {
        byte[] ansi = "Касперский".getBytes(Charset.forName("windows-1251"));
        StringBuilder hex = new StringBuilder();
        for (byte b : ansi) {
            hex.append(String.format("%02x,", b));
        }
        String text = "REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\K]\r\n\"Name\"=\"Лаборатория Касперского\"\r\n"
                + "\"Path\"=hex(2):" + hex + "00\r\n";

        InMemoryRegistry registry = RegFileParser.read(text.getBytes(Charset.forName("windows-1251")), "ru.reg");

        assertThat(registry.value("HKLM\\SOFTWARE\\K", "Path").orElseThrow().data()).isEqualTo("Касперский");
    }

    static Stream<Arguments> damagedLines() {
        return Stream.of(
                Arguments.of(List.of("[HKEY_CURRENT_USER\\k]", "\"a\"=hex:01,0g,03"), 3,
                        "key HKEY_CURRENT_USER\\k, value \"a\": malformed hex byte \"0g\" (byte 2) in value \"a\"; this value was not read"),
                Arguments.of(List.of("[HKEY_CURRENT_USER\\k]", "\"a\"=dword:123456789"), 3,
                        "key HKEY_CURRENT_USER\\k, value \"a\": dword has more than 8 hex digits"),
                Arguments.of(List.of("[HKEY_CURRENT_USER\\k]", "\"a\"=\"no end"), 3, "key HKEY_CURRENT_USER\\k, value \"a\": unterminated string"),
                Arguments.of(List.of("[HKEY_CURRENT_USER\\k", "\"a\"=\"1\""), 2,
                        "key line does not end with ]: [HKEY_CURRENT_USER\\k; the values below it, up to the next key, were not read"),
                Arguments.of(List.of("[SOFTWARE\\Microsoft]", "\"a\"=\"1\""), 2, "registry hive"),
                Arguments.of(List.of("\"a\"=\"1\""), 2, "value \"a\": value line before any [key] line"));
    }

    /** A damaged line loses itself only: the next key and value are read, and the line is named. */
    @ParameterizedTest
    @MethodSource("damagedLines")
    void aDamagedLineIsSkippedNamedByFileLineAndKeyAndTheRestIsRead(List<String> body, int line, String problem)
            throws IOException {
        StringBuilder text = new StringBuilder("Windows Registry Editor Version 5.00\r\n");
        body.forEach(l -> text.append(l).append("\r\n"));
        text.append("[HKEY_LOCAL_MACHINE\\SOFTWARE\\After]\r\n\"ok\"=dword:00000001\r\n");

        InMemoryRegistry registry = RegFileParser.read(text.toString().getBytes(StandardCharsets.UTF_8), "pc-0421.reg");

        assertThat(registry.unreadable()).singleElement().asString()
                .startsWith("pc-0421.reg, line " + line).contains(problem);
        assertThat(registry.value("HKLM\\SOFTWARE\\After", "ok").orElseThrow().data()).isEqualTo(1L);
        assertThat(registry.origin("HKLM\\SOFTWARE\\After", "OK")).hasValue("pc-0421.reg, line " + (body.size() + 3));
    }

    /**
     * Every real export of the public corpus is read whole, or its damaged lines named by file and line (a
     * 9-digit dword, a key line without its ]); none holds anything of Kaspersky's.
     */
    @Test
    void everyRealExportOfThePublicCorpusIsReadOrItsDamageNamed() throws IOException {
        List<Path> files = corpusExports();
        assertThat(files).hasSizeGreaterThan(30);
        int damaged = 0;
        for (Path file : files) {
            InMemoryRegistry registry = RegFileParser.read(file);
            for (String problem : registry.unreadable()) {
                assertThat(problem).startsWith(file + ", line ");
                damaged++;
            }
            assertThat(registry.exists("HKLM\\SOFTWARE\\KasperskyLab")).as(file.toString()).isFalse();
        }
        assertThat(damaged).as("the 9-digit dword and the unclosed key line, in both encodings").isGreaterThanOrEqualTo(4);
    }

    /**
     * The in-memory registry's one-pass walk of a key's subkeys gives what asking for each subkey's path gives (the
     * interface's own answer), in the same order, for every key of every real export of the public corpus.
     */
    @Test
    void eachSubkeyOfARealExportGivesWhatAskingForEachPathGives() throws IOException {
        List<Path> files = corpusExports();
        int compared = 0;
        for (Path file : files) {
            InMemoryRegistry registry = RegFileParser.read(file);
            RegistryView byPath = new RegistryView() { // the interface's default eachSubkey over the same registry
                @Override
                public boolean exists(String keyPath) {
                    return registry.exists(keyPath);
                }

                @Override
                public List<String> subkeys(String keyPath) {
                    return registry.subkeys(keyPath);
                }

                @Override
                public Map<String, RegistryValue> values(String keyPath) {
                    return registry.values(keyPath);
                }
            };
            List<String> keys = new ArrayList<>(List.of("HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER",
                    "HKEY_CLASSES_ROOT", "HKEY_USERS"));
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                List<Map.Entry<String, Map<String, RegistryValue>>> walked = new ArrayList<>();
                List<Map.Entry<String, Map<String, RegistryValue>>> asked = new ArrayList<>();
                registry.eachSubkey(key, (name, values) -> walked.add(Map.entry(name, values)));
                byPath.eachSubkey(key, (name, values) -> asked.add(Map.entry(name, values)));
                assertThat(walked).as(file + ": " + key).isEqualTo(asked);
                registry.subkeys(key).forEach(name -> keys.add(key + "\\" + name));
                compared += walked.size();
            }
            registry.eachSubkey("HKLM\\SOFTWARE\\NoSuchKey", (name, values) -> {
                throw new AssertionError("a key that does not exist has no subkeys: " + name);
            });
        }
        assertThat(compared).as("subkeys compared over the corpus").isGreaterThan(500);
    }

    /** Every .reg file of the public corpus; the test is skipped, saying why, where the corpus is absent. */
    private static List<Path> corpusExports() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "public .reg corpus not found at " + CORPUS);
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            return walk.filter(p -> p.toString().endsWith(".reg")).sorted().toList();
        }
    }

    /** Linear without timing anything: a string of 4x the lines costs 4x the characters scanned, not 16x. */
    @Test
    void aStringOverManyLinesCostsWorkInProportionToItsLength() throws IOException {
        long tenThousand = RegFileParser.countCharactersScanned(multiLineExport(10_000));
        long fortyThousand = RegFileParser.countCharactersScanned(multiLineExport(40_000));

        assertThat((double) fortyThousand / tenThousand).isBetween(3.5, 4.5);
        assertThat(fortyThousand).isLessThan(3L * multiLineExport(40_000).length);
    }

    private static byte[] multiLineExport(int lines) {
        StringBuilder text = new StringBuilder("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Q]\r\n\"Query\"=\"start");
        for (int i = 0; i < lines; i++) {
            text.append("\r\n  SELECT column").append(i % 10).append(" FROM table WHERE x = \\\"y\\\"");
        }
        text.append("\"\r\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
