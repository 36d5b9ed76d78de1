package org.riddance.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
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

    /**
     * A matcher per regex and thread, reset for each text: the uninstall scan asks for every entry of a PC (tens
     * of thousands), and a fresh matcher each time was a tenth of the garbage of a registry-export scan.
     */
    private static final ThreadLocal<Map<String, Matcher>> FINDERS = ThreadLocal.withInitial(HashMap::new);

    public static boolean anyFinds(List<String> regexes, String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        Map<String, Matcher> finders = FINDERS.get();
        for (String regex : regexes) {
            Matcher finder = finders.computeIfAbsent(regex, r -> of(r).matcher(""));
            if (finder.reset(text).find()) {
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
