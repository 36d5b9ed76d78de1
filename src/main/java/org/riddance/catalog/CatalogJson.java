package org.riddance.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads catalog JSON with Jackson's streaming parser into the catalog's records, field by field. Binding the same
 * records through Jackson databind cost about 140 ms of every command's start (building an {@code ObjectMapper} and
 * introspecting fifteen record types); this costs a few. It is as strict as the databind set-up was: an unknown
 * field, a value of the wrong kind or a null where a yes/no belongs is refused with where it is.
 */
final class CatalogJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonParser json;
    /** Where the parser is, as the message of a refusal names it: {@code products[3].windows.displayNames}. */
    private final List<Object> path = new ArrayList<>();

    private CatalogJson(JsonParser json) {
        this.json = json;
    }

    static CatalogLoader.CatalogFile read(byte[] content) throws IOException {
        try (JsonParser json = FACTORY.createParser(content)) {
            CatalogJson reader = new CatalogJson(json);
            json.nextToken();
            CatalogLoader.CatalogFile file;
            try {
                file = reader.catalogFile();
            } catch (RuntimeException e) {
                throw new JsonParseException(json, "the catalog is not usable: " + e.getMessage());
            }
            if (json.nextToken() != null) {
                throw new JsonParseException(json, "there is more after the catalog's closing brace");
            }
            return file;
        }
    }

    private CatalogLoader.CatalogFile catalogFile() throws IOException {
        String format = null, version = null, published = null;
        List<Citation> citations = null;
        List<Vendor> vendors = null;
        List<ProductRule> products = null;
        List<DriverRule> drivers = null;
        List<Leftovers> leftovers = null;
        List<EmbeddedEngineMarkers> embedded = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "format" -> format = string();
                case "version" -> version = string();
                case "published" -> published = string();
                case "citations" -> citations = list(this::citation);
                case "vendors" -> vendors = list(this::vendor);
                case "products" -> products = list(this::product);
                case "drivers" -> drivers = list(this::driver);
                case "leftovers" -> leftovers = list(this::leftovers);
                case "embedded" -> embedded = list(this::embedded);
                default -> throw unknown(field);
            }
        }
        return new CatalogLoader.CatalogFile(format, version, published, citations, vendors, products, drivers,
                leftovers, embedded);
    }

    private Citation citation() throws IOException {
        String id = null, jurisdiction = null, title = null, shortTitle = null, issued = null, reference = null,
                summary = null;
        boolean binding = false, embedded = false;
        List<Citation.Milestone> milestones = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "id" -> id = string();
                case "jurisdiction" -> jurisdiction = string();
                case "title" -> title = string();
                case "shortTitle" -> shortTitle = string();
                case "issued" -> issued = string();
                case "reference" -> reference = string();
                case "summary" -> summary = string();
                case "binding" -> binding = yesNo();
                case "embedded" -> embedded = yesNo();
                case "milestones" -> milestones = list(this::milestone);
                default -> throw unknown(field);
            }
        }
        return new Citation(id, jurisdiction, title, shortTitle, issued, reference, summary, binding, embedded,
                milestones);
    }

    private Citation.Milestone milestone() throws IOException {
        String date = null, what = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "date" -> date = string();
                case "what" -> what = string();
                default -> throw unknown(field);
            }
        }
        return new Citation.Milestone(date, what);
    }

    private Vendor vendor() throws IOException {
        String id = null, name = null;
        List<String> publisherPatterns = null, namePatterns = null, signers = null, windowsProductKeys = null,
                appleTeamIds = null, citations = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "id" -> id = string();
                case "name" -> name = string();
                case "publisherPatterns" -> publisherPatterns = strings();
                case "namePatterns" -> namePatterns = strings();
                case "signers" -> signers = strings();
                case "windowsProductKeys" -> windowsProductKeys = strings();
                case "appleTeamIds" -> appleTeamIds = strings();
                case "citations" -> citations = strings();
                default -> throw unknown(field);
            }
        }
        return new Vendor(id, name, publisherPatterns, namePatterns, signers, windowsProductKeys, appleTeamIds,
                citations);
    }

    private ProductRule product() throws IOException {
        String id = null, vendor = null, name = null;
        Category category = null;
        List<String> citations = null;
        ProductRule.WindowsRules windows = null;
        ProductRule.LinuxRules linux = null;
        ProductRule.MacRules macos = null;
        List<ProductRule.BackupItem> backup = null;
        ProductRule.Removal removal = null;
        List<ServerSetting> managementServer = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "id" -> id = string();
                case "vendor" -> vendor = string();
                case "name" -> name = string();
                case "category" -> category = category();
                case "citations" -> citations = strings();
                case "windows" -> windows = orNull(this::windows);
                case "linux" -> linux = orNull(this::linux);
                case "macos" -> macos = orNull(this::mac);
                case "backup" -> backup = list(this::backupItem);
                case "removal" -> removal = orNull(this::removal);
                case "managementServer" -> managementServer = list(this::serverSetting);
                default -> throw unknown(field);
            }
        }
        return new ProductRule(id, vendor, name, category, citations, windows, linux, macos, backup, removal,
                managementServer);
    }

    private ProductRule.WindowsRules windows() throws IOException {
        List<String> displayNames = null, environmentKeys = null, services = null, processes = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "displayNames" -> displayNames = strings();
                case "environmentKeys" -> environmentKeys = strings();
                case "services" -> services = strings();
                case "processes" -> processes = strings();
                default -> throw unknown(field);
            }
        }
        return new ProductRule.WindowsRules(displayNames, environmentKeys, services, processes);
    }

    private ProductRule.LinuxRules linux() throws IOException {
        List<String> packages = null, units = null, paths = null, processes = null, modules = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "packages" -> packages = strings();
                case "units" -> units = strings();
                case "paths" -> paths = strings();
                case "processes" -> processes = strings();
                case "modules" -> modules = strings();
                default -> throw unknown(field);
            }
        }
        return new ProductRule.LinuxRules(packages, units, paths, processes, modules);
    }

    private ProductRule.MacRules mac() throws IOException {
        List<String> receipts = null, bundleIds = null, launchd = null, appNames = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "receipts" -> receipts = strings();
                case "bundleIds" -> bundleIds = strings();
                case "launchd" -> launchd = strings();
                case "appNames" -> appNames = strings();
                default -> throw unknown(field);
            }
        }
        return new ProductRule.MacRules(receipts, bundleIds, launchd, appNames);
    }

    private ProductRule.BackupItem backupItem() throws IOException {
        String id = null, platform = null, kind = null, what = null, path = null, registryKey = null;
        List<String> argv = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "id" -> id = string();
                case "platform" -> platform = string();
                case "kind" -> kind = string();
                case "what" -> what = string();
                case "path" -> path = string();
                case "registryKey" -> registryKey = string();
                case "argv" -> argv = strings();
                default -> throw unknown(field);
            }
        }
        return new ProductRule.BackupItem(id, platform, kind, what, path, registryKey, argv);
    }

    private ProductRule.Removal removal() throws IOException {
        int order = 0;
        Map<String, String> method = null, scripts = null;
        Map<String, List<String>> passwordProperties = null;
        String note = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "order" -> order = whole();
                case "method" -> method = map(this::string);
                case "passwordProperties" -> passwordProperties = map(this::strings);
                case "scripts" -> scripts = map(this::string);
                case "note" -> note = string();
                default -> throw unknown(field);
            }
        }
        return new ProductRule.Removal(order, method, passwordProperties, scripts, note);
    }

    private ServerSetting serverSetting() throws IOException {
        String platform = null, registryKey = null, file = null, value = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "platform" -> platform = string();
                case "registryKey" -> registryKey = string();
                case "file" -> file = string();
                case "value" -> value = string();
                default -> throw unknown(field);
            }
        }
        return new ServerSetting(platform, registryKey, file, value);
    }

    private DriverRule driver() throws IOException {
        String name = null, vendor = null, role = null, filterClass = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "name" -> name = string();
                case "vendor" -> vendor = string();
                case "role" -> role = string();
                case "filterClass" -> filterClass = string();
                default -> throw unknown(field);
            }
        }
        return new DriverRule(name, vendor, role, filterClass);
    }

    private Leftovers leftovers() throws IOException {
        String vendor = null;
        List<String> windowsFolders = null, windowsRegistryKeys = null, linuxFolders = null, macFolders = null,
                windowsFolderGlobs = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "vendor" -> vendor = string();
                case "windowsFolders" -> windowsFolders = strings();
                case "windowsRegistryKeys" -> windowsRegistryKeys = strings();
                case "linuxFolders" -> linuxFolders = strings();
                case "macFolders" -> macFolders = strings();
                case "windowsFolderGlobs" -> windowsFolderGlobs = strings();
                default -> throw unknown(field);
            }
        }
        return new Leftovers(vendor, windowsFolders, windowsRegistryKeys, linuxFolders, macFolders, windowsFolderGlobs);
    }

    private EmbeddedEngineMarkers embedded() throws IOException {
        String vendor = null;
        List<String> sdkFolders = null, ownFolders = null, binaryNames = null, engineFolders = null;
        for (String field = firstField(); field != null; field = nextField()) {
            switch (field) {
                case "vendor" -> vendor = string();
                case "sdkFolders" -> sdkFolders = strings();
                case "ownFolders" -> ownFolders = strings();
                case "binaryNames" -> binaryNames = strings();
                case "engineFolders" -> engineFolders = strings();
                default -> throw unknown(field);
            }
        }
        return new EmbeddedEngineMarkers(vendor, sdkFolders, ownFolders, binaryNames, engineFolders);
    }

    // --- the kinds of value a catalog holds ---

    private interface Value<T> {
        T read() throws IOException;
    }

    /** Steps into the object the parser is on and names its first field, the parser on that field's value. */
    private String firstField() throws IOException {
        expect(JsonToken.START_OBJECT, "an object");
        path.add("");
        return nextField();
    }

    /** The next field of the object being read, or null at its closing brace (then the object is left). */
    private String nextField() throws IOException {
        path.remove(path.size() - 1);
        if (json.nextToken() != JsonToken.FIELD_NAME) {
            return null;
        }
        String field = json.currentName();
        path.add(field);
        json.nextToken();
        return field;
    }

    /**
     * A list of values; null reads as no list. A value its record refuses (a required list missing, an unknown
     * category) is refused here, where the message can say which element it was.
     */
    private <T> List<T> list(Value<T> element) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(JsonToken.START_ARRAY, "a list");
        List<T> values = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            path.add(values.size());
            try {
                values.add(element.read());
            } catch (RuntimeException e) {
                throw new JsonParseException(json, "the value at " + where() + " is not usable: " + e.getMessage());
            }
            path.remove(path.size() - 1);
        }
        return values;
    }

    private List<String> strings() throws IOException {
        return list(this::string);
    }

    private <T> Map<String, T> map(Value<T> value) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Map<String, T> values = new LinkedHashMap<>();
        for (String field = firstField(); field != null; field = nextField()) {
            values.put(field, value.read());
        }
        return values;
    }

    private <T> T orNull(Value<T> object) throws IOException {
        return json.currentToken() == JsonToken.VALUE_NULL ? null : object.read();
    }

    private String string() throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(JsonToken.VALUE_STRING, "text");
        return json.getText();
    }

    private boolean yesNo() throws IOException {
        JsonToken token = json.currentToken();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw wrongKind("true or false");
        }
        return token == JsonToken.VALUE_TRUE;
    }

    private int whole() throws IOException {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw wrongKind("a whole number");
        }
        return json.getIntValue();
    }

    private Category category() throws IOException {
        String id = string();
        try {
            return id == null ? null : Category.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new JsonParseException(json, e.getMessage() + " at " + where());
        }
    }

    private void expect(JsonToken token, String kind) throws IOException {
        if (json.currentToken() != token) {
            throw wrongKind(kind);
        }
    }

    private JsonParseException wrongKind(String kind) {
        return new JsonParseException(json, where() + " should be " + kind + " but is " + kindOf(json.currentToken()));
    }

    private static String kindOf(JsonToken token) {
        if (token == null) {
            return "missing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private UnknownField unknown(String field) {
        return new UnknownField(json, field, where());
    }

    /** The path as a reader of the catalog finds it: {@code products[3].windows.displayNames}. */
    private String where() {
        StringBuilder where = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                where.append('[').append(index).append(']');
            } else if (!"".equals(step)) {
                where.append(where.isEmpty() ? "" : ".").append(step);
            }
        }
        return where.isEmpty() ? "the top level" : where.toString();
    }

    /** A field this version does not know: a typo, or a catalog written for a newer Riddance. */
    static final class UnknownField extends JsonParseException {
        final String field;
        final String where;

        UnknownField(JsonParser json, String field, String where) {
            super(json, "unknown field '" + field + "' at " + where);
            this.field = field;
            this.where = where;
        }
    }
}
