package org.riddance.catalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Catalog regexes, compiled once and shared by the catalog and the scanners. Case-insensitive and Unicode-aware, so Cyrillic names match too. */
public final class Patterns {

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Patterns() {
    }

    static Pattern of(String regex) {
        return COMPILED.computeIfAbsent(regex,
                r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    static List<Pattern> compile(List<String> regexes) {
        return regexes.stream().map(Patterns::of).toList();
    }

    public static boolean anyFinds(List<String> regexes, String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (String regex : regexes) {
            if (of(regex).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    public static boolean anyMatchesWhole(List<String> regexes, String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (String regex : regexes) {
            if (of(regex).matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }
}
