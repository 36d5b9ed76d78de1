package org.riddance.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Reads catalogs: the built-in one from the jar, or an external one that must carry a valid Ed25519 signature
 * ({@code FILE.sig} beside it, raw 64 bytes or base64) from a trusted catalog key. Every catalog is parsed
 * strictly and checked as a whole before it is used; a bad one is refused with the reason.
 */
public final class CatalogLoader {

    public static final String FORMAT = "riddance-catalog/1";
    public static final String BUILT_IN = "/org/riddance/catalog/banned-products.json";
    /** Far above any real catalog (the built-in one is about 70 KB); a bigger file is refused before it is read. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private CatalogLoader() {
    }

    /** Read once: the built-in catalog cannot change while the program runs, and it is immutable. */
    private static Catalog builtIn;

    /**
     * The catalog shipped in the jar. A broken one is a build error, which the catalog tests catch. Its SHA-256 comes
     * from the stamp the build wrote beside it (a test holds the two together): hashing it again at every start
     * would redo, interpreted, what the build already did.
     */
    public static synchronized Catalog builtIn() {
        if (builtIn == null) {
            try {
                builtIn = parse(CatalogStamp.builtInBytes(), "built-in", CatalogStamp.builtIn().sha256());
            } catch (CatalogException e) {
                throw new IllegalStateException("The built-in catalog is broken: " + e.getMessage(), e);
            }
        }
        return builtIn;
    }

    /** An external catalog, accepted only when a trusted key signed its exact bytes. */
    public static Catalog external(Path file, CatalogKeys trusted) throws CatalogException {
        requireSize(file);
        byte[] content = read(file, "catalog");
        Path sigFile = file.resolveSibling(file.getFileName() + ".sig");
        byte[] signature = signatureBytes(read(sigFile, "signature"), sigFile);
        if (trusted.size() == 0) {
            throw new CatalogException("No trusted catalog keys are installed (folder " + CatalogKeys.FOLDER
                    + " in the data folder), so the catalog " + file + " cannot be accepted.");
        }
        if (!trusted.verifies(content, signature)) {
            throw new CatalogException("The catalog " + file + " is not signed by a trusted catalog key (or was changed "
                    + "after signing); it was refused.");
        }
        return parse(content, file.toString());
    }

    public static Catalog parse(byte[] content, String source) throws CatalogException {
        return parse(content, source, CatalogStamp.sha256(content));
    }

    private static Catalog parse(byte[] content, String source, String sha256) throws CatalogException {
        CatalogFile file;
        try {
            file = CatalogJson.read(content);
        } catch (CatalogJson.UnknownField e) {
            throw new CatalogException("The catalog " + source + " has a field this version of Riddance does not know: '"
                    + e.field + "' at " + e.where + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (JsonProcessingException e) {
            throw new CatalogException("The catalog " + source + " is not valid catalog JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new CatalogException("The catalog " + source + " could not be read: " + e.getMessage(), e);
        }
        Catalog catalog = new Catalog(file.format(), file.version(), file.published(), sha256, source,
                nonNull(file.citations()), nonNull(file.vendors()), nonNull(file.products()), nonNull(file.drivers()),
                nonNull(file.leftovers()), nonNull(file.embedded()));
        validate(catalog);
        return catalog;
    }

    static void validate(Catalog c) throws CatalogException {
        if (!FORMAT.equals(c.format())) {
            throw new CatalogException("Unsupported catalog format '" + c.format() + "' (this Riddance reads " + FORMAT + ")");
        }
        require(c.version() != null && !c.version().isBlank(), "The catalog has no version");
        require(!c.products().isEmpty(), "The catalog lists no products");
        Set<String> citationIds = unique("citation", c.citations().stream().map(Citation::id).toList());
        Set<String> vendorIds = unique("vendor", c.vendors().stream().map(Vendor::id).toList());
        unique("product", c.products().stream().map(ProductRule::id).toList());
        for (Vendor v : c.vendors()) {
            knownIds("vendor " + v.id(), v.citations(), citationIds);
            regexes("vendor " + v.id(), v.publisherPatterns());
            regexes("vendor " + v.id(), v.namePatterns());
        }
        for (ProductRule p : c.products()) {
            String where = "product " + p.id();
            require(p.name() != null && !p.name().isBlank(), where + " has no name");
            require(p.category() != null, where + " has no category");
            require(vendorIds.contains(p.vendor()), where + " names an unknown vendor '" + p.vendor() + "'");
            require(p.windows() != null || p.linux() != null || p.macos() != null, where + " has no platform rules");
            knownIds(where, p.citations(), citationIds);
            if (p.windows() != null) {
                regexes(where, p.windows().displayNames());
                regexes(where, p.windows().environmentKeys());
                regexes(where, p.windows().services());
            }
            if (p.linux() != null) {
                regexes(where, p.linux().modules());
            }
            if (p.removal() != null) {
                removal(where, p.removal());
            }
            if (p.macos() != null) {
                regexes(where, p.macos().receipts());
                regexes(where, p.macos().bundleIds());
                regexes(where, p.macos().launchd());
                regexes(where, p.macos().appNames());
            }
        }
        for (DriverRule d : c.drivers()) {
            require(vendorIds.contains(d.vendor()), "driver " + d.name() + " names an unknown vendor '" + d.vendor() + "'");
        }
        for (Leftovers l : c.leftovers()) {
            require(vendorIds.contains(l.vendor()), "leftovers name an unknown vendor '" + l.vendor() + "'");
        }
        for (EmbeddedEngineMarkers e : c.embedded()) {
            require(vendorIds.contains(e.vendor()), "embedded-engine markers name an unknown vendor '" + e.vendor() + "'");
            regexes("embedded-engine markers", e.ownFolders());
        }
    }

    /** A recipe names known methods, and a vendor script only by an absolute path that stays where it is put. */
    private static void removal(String where, ProductRule.Removal r) throws CatalogException {
        for (Map.Entry<String, String> m : r.method().entrySet()) {
            require(ProductRule.Removal.METHODS.contains(m.getValue()),
                    where + " names an unknown removal method '" + m.getValue() + "' for " + m.getKey());
            require(!"uninstall-script".equals(m.getValue()) || r.scripts().containsKey(m.getKey()),
                    where + " removes by uninstall-script on " + m.getKey() + " but names no script");
        }
        for (Map.Entry<String, String> s : r.scripts().entrySet()) {
            require(s.getValue().startsWith("/") && !s.getValue().contains("/../") && !s.getValue().contains("\0"),
                    where + " names a vendor script that is not an absolute path: " + s.getValue());
        }
    }

    private static Set<String> unique(String what, List<String> ids) throws CatalogException {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            require(id != null && !id.isBlank(), "A " + what + " has no id");
            require(seen.add(id), "The " + what + " id '" + id + "' appears twice");
        }
        return seen;
    }

    private static void knownIds(String where, List<String> ids, Set<String> known) throws CatalogException {
        for (String id : ids) {
            require(known.contains(id), where + " cites an unknown citation '" + id + "'");
        }
    }

    private static void regexes(String where, List<String> patterns) throws CatalogException {
        for (String regex : patterns) {
            try {
                Patterns.of(regex);
            } catch (PatternSyntaxException e) {
                throw new CatalogException(where + " has a pattern that is not a valid regular expression: " + regex, e);
            }
        }
    }

    private static void require(boolean condition, String message) throws CatalogException {
        if (!condition) {
            throw new CatalogException("The catalog is inconsistent: " + message);
        }
    }

    private static void requireSize(Path file) throws CatalogException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new CatalogException("The catalog " + file + " is " + (size / (1024 * 1024)) + " MB; a catalog is at most "
                        + (MAX_BYTES / (1024 * 1024)) + " MB, so this is not a catalog Riddance can use: check that the right file was given");
            }
        } catch (NoSuchFileException e) {
            throw new CatalogException("The catalog file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new CatalogException("The catalog file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file, String what) throws CatalogException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CatalogException("The " + what + " file " + file + " does not exist"
                    + ("signature".equals(what) ? "; an external catalog needs its signature beside it" : ""), e);
        } catch (IOException e) {
            throw new CatalogException("The " + what + " file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    private static byte[] signatureBytes(byte[] raw, Path sigFile) throws CatalogException {
        return SignatureFile.decode(raw).orElseThrow(() -> new CatalogException("The signature file " + sigFile
                + " is not an Ed25519 signature (64 bytes, raw or base64)"));
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The file as written; {@link Catalog} adds what is computed (hash, source). */
    record CatalogFile(String format, String version, String published, List<Citation> citations,
                       List<Vendor> vendors, List<ProductRule> products, List<DriverRule> drivers,
                       List<Leftovers> leftovers, List<EmbeddedEngineMarkers> embedded) {
    }
}
