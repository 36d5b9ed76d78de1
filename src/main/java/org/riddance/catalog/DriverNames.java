package org.riddance.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Service and driver names as Kaspersky for Windows 21.x writes them: the catalog's base name with a build tag
 * appended ({@code klif.K4W-21-25}, {@code klvssbridge64_21.25}) or put in the middle
 * ({@code klupd_K4W-21-25_arkmon}). Older builds use the bare name. Comparing base names keeps one catalog entry
 * valid for every build, past and future.
 */
public final class DriverNames {

    /** A tag: a product code with build numbers (K4W-21-25, KES-12-3) or a dotted version (21.25), after . or _. */
    private static final Pattern TAG = Pattern.compile(
            "[._](?:[a-z][a-z0-9]*-[0-9]+(?:-[0-9]+)*|[0-9]+(?:\\.[0-9]+)+)(?=$|[._])", Pattern.CASE_INSENSITIVE);

    private DriverNames() {
    }

    /** The name without its build tag, lower case: {@code klupd_K4W-21-25_arkmon} becomes {@code klupd_arkmon}. */
    public static String base(String name) {
        return TAG.matcher(name.strip()).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The build tag a name carries, or "" ({@code K4W-21-25} for {@code klif.K4W-21-25}). */
    public static String tag(String name) {
        var m = TAG.matcher(name.strip());
        return m.find() ? m.group().substring(1) : "";
    }

    /** True when {@code seen} is the catalog driver {@code catalogName}, with or without a build tag. */
    public static boolean same(String catalogName, String seen) {
        return seen != null && (seen.strip().equalsIgnoreCase(catalogName) || base(seen).equalsIgnoreCase(catalogName));
    }
}
