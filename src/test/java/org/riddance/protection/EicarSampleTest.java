package org.riddance.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The EICAR file is made at run time and never stored whole: not in sources, resources, classes or the jar. */
class EicarSampleTest {

    @Test
    void theAssembledSampleIsTheStandardEicarFile() throws Exception {
        byte[] sample = EicarSample.bytes();

        assertThat(sample).hasSize(68);
        // the MD5 eicar.org publishes for the 68-byte file
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(sample)))
                .isEqualTo("44d88612fea8a8f36de82e1278abb02f");
    }

    @Test
    void noSourceResourceClassOrJarCarriesItWhole() throws IOException {
        byte[] sample = EicarSample.bytes();
        List<Path> roots = Stream.of("src", "target/classes", "target/test-classes").map(Path::of)
                .filter(Files::isDirectory).toList();
        List<String> carriers = new ArrayList<>();
        int checked = 0;
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    checked++;
                    if (contains(Files.readAllBytes(f), sample)) {
                        carriers.add(f.toString());
                    }
                }
            }
        }
        try (Stream<Path> jars = Files.exists(Path.of("target")) ? Files.list(Path.of("target")) : Stream.empty()) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
                    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                        checked++;
                        if (contains(readAll(zip), sample)) {
                            carriers.add(jar + "!" + e.getName());
                        }
                    }
                }
            }
        }

        assertThat(checked).as("files looked at").isGreaterThan(100);
        assertThat(carriers).as("files holding the whole EICAR string").isEmpty();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
