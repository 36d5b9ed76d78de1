package org.riddance.backup;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One file in a back-up archive, as the manifest describes it.
 *
 * @param path    the entry's name inside the zip ({@code <product>/<item>/<relative path>})
 * @param kind    {@value #FILE}, {@value #REGISTRY} or {@value #VENDOR_EXPORT}: whether {@code source} is a
 *                file on the machine that can be compared again
 * @param source  where it came from on the machine (a path, a registry key or the vendor command)
 * @param mtime   the source's last-modified time, ISO-8601 UTC, or empty for generated entries
 * @param names   the file's path below its item as the machine named it, one element per folder level; only
 *                when {@code path} had to encode a character ({@code \}, {@code :}, control characters...)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ManifestEntry(String path, String kind, String source, String product, String item, long size,
                            String mtime, String sha256, java.util.List<String> names) {

    public ManifestEntry(String path, String kind, String source, String product, String item, long size,
                         String mtime, String sha256) {
        this(path, kind, source, product, item, size, mtime, sha256, java.util.List.of());
    }

    public ManifestEntry {
        kind = kind == null ? "" : kind;
        source = source == null ? "" : source;
        product = product == null ? "" : product;
        item = item == null ? "" : item;
        mtime = mtime == null ? "" : mtime;
        sha256 = sha256 == null ? "" : sha256;
        names = names == null ? java.util.List.of() : java.util.List.copyOf(names);
    }

    public static final String FILE = "file";
    public static final String REGISTRY = "registry";
    public static final String VENDOR_EXPORT = "vendor-export";
    /** A file whose reading failed part-way: the bytes are kept, but it is not a copy of the source. */
    public static final String INCOMPLETE = "incomplete";
}
