package org.riddance.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar leaves parts of libraries out (pom.xml, the shade filters: Bouncy Castle's providers and
 * post-quantum code, JNA's non-Windows bindings). jdeps lists every class each class in the jar refers to; walking
 * that graph from Riddance's own classes and from the classes the jar's service files name, no class may be one
 * the build dropped: one that is missing from the jar although other classes of its library are in it.
 */
class ShadedJarIT {

    private static final Path BASE = Path.of("").toAbsolutePath();
    private static final Path JAR = BASE.resolve("target/riddance.jar");
    /** "   org.a.B -> org.c.D   not found", "   11/com.e.F -> java.lang.String   java.base" (a versioned entry). */
    private static final Pattern EDGE = Pattern.compile("^\\s+(?:\\d+/)?(\\S+)\\s+->\\s+(\\S+)\\s+(.*)$");

    @Test
    void nothingRiddanceCanReachWasLeftOutOfTheJar() throws Exception {
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        assumeTrue(Files.isExecutable(jdeps), "no jdeps in " + jdeps.getParent() + ": run the build on a full JDK 17");
        String listing = Tool.ok(BASE, Duration.ofMinutes(5), jdeps.toString(), "-verbose:class", "--multi-release", "17",
                "-cp", JAR.toString(), JAR.toString());

        Map<String, Set<String>> refersTo = new HashMap<>();
        Set<String> notInJar = new HashSet<>();
        for (String line : listing.lines().toList()) {
            Matcher edge = EDGE.matcher(line);
            if (edge.matches()) {
                refersTo.computeIfAbsent(edge.group(1), c -> new HashSet<>()).add(edge.group(2));
                if (edge.group(3).strip().equals("not found")) {
                    notInJar.add(edge.group(2));
                }
            }
        }
        assertThat(refersTo).as("jdeps found the jar's classes").containsKey("org.riddance.app.Launcher");

        Set<String> roots = roots();
        for (String root : roots) { // a service file may name a class nothing else refers to
            if (!refersTo.containsKey(root)) {
                notInJar.add(root);
            }
        }
        Map<String, String> reachedFrom = new HashMap<>();
        Deque<String> next = new ArrayDeque<>(roots);
        next.forEach(root -> reachedFrom.put(root, null));
        while (!next.isEmpty()) {
            String current = next.pop();
            for (String target : refersTo.getOrDefault(current, Set.of())) {
                if (!reachedFrom.containsKey(target)) {
                    reachedFrom.put(target, current);
                    next.push(target);
                }
            }
        }

        List<String> dropped = new ArrayList<>();
        for (String missing : notInJar) {
            if (reachedFrom.containsKey(missing) && leftOutOfAShadedDependency(missing, refersTo.keySet())) {
                dropped.add(chain(missing, reachedFrom));
            }
        }
        assertThat(dropped).as("classes left out of the jar that Riddance can reach (class <- referred to by ...)").isEmpty();
    }

    /**
     * Whether the class comes from a dependency whose other classes are in the jar, so the shade filters took it
     * out. A class of a library that is not shaded at all (an optional dependency such as OSGi, which Ikonli can
     * use) was never in the jar and is not this test's business.
     */
    private static boolean leftOutOfAShadedDependency(String missing, Set<String> inJar) throws Exception {
        URL found = ClassLoader.getSystemResource(missing.replace('.', '/') + ".class");
        if (found == null || !found.getProtocol().equals("jar")) {
            return false;
        }
        JarURLConnection connection = (JarURLConnection) found.openConnection();
        connection.setUseCaches(false);
        try (JarFile dependency = connection.getJarFile()) {
            return dependency.stream().map(entry -> entry.getName()).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .anyMatch(inJar::contains);
        }
    }

    /** Riddance's own classes and every class a service file in the jar names. */
    private static Set<String> roots() throws Exception {
        Set<String> roots = new HashSet<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (var entry : jar.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("org/riddance/") && name.endsWith(".class")) {
                    roots.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                } else if (name.startsWith("META-INF/services/") && !entry.isDirectory()) {
                    String text = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    text.lines().map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty())
                            .forEach(roots::add);
                }
            }
        }
        return roots;
    }

    private static String chain(String missing, Map<String, String> reachedFrom) {
        List<String> chain = new ArrayList<>();
        for (String c = missing; c != null && chain.size() < 8; c = reachedFrom.get(c)) {
            chain.add(c);
        }
        return String.join(" <- ", chain);
    }
}
