package org.riddance.protection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The Linux antivirus products Riddance recognises by package, unit and process: data, not code. */
record KnownProducts(String format, List<Product> products) {

    static final String RESOURCE = "/org/riddance/protection/known-antivirus.json";
    static final String FORMAT = "riddance-known-antivirus/1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Product(String id, String name, String vendor, List<String> packages, List<String> units,
                   List<String> processes, List<String> paths, boolean realTime) {
        Product {
            if (id == null || id.isBlank() || name == null || name.isBlank() || vendor == null) {
                throw new IllegalArgumentException("A known antivirus product needs an id, a name and a vendor");
            }
            packages = packages == null ? List.of() : List.copyOf(packages);
            units = units == null ? List.of() : List.copyOf(units);
            processes = processes == null ? List.of() : List.copyOf(processes);
            paths = paths == null ? List.of() : List.copyOf(paths);
            if (packages.isEmpty() && paths.isEmpty()) {
                throw new IllegalArgumentException(id + ": needs a package or a path to be recognised by");
            }
        }
    }

    static KnownProducts builtIn() {
        try (InputStream in = KnownProducts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnownProducts parse(InputStream in) throws IOException {
        KnownProducts known = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(in, KnownProducts.class);
        if (!FORMAT.equals(known.format())) {
            throw new IOException("Unknown antivirus list format: " + known.format());
        }
        return known;
    }
}
