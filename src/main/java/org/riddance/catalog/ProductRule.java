package org.riddance.catalog;

import java.util.List;
import java.util.Map;

/**
 * One banned product and how to recognise, back up and remove it on each OS. All matching is by catalog
 * data; adding a product is a catalog update, not a code change. {@code managementServer}: for a management
 * agent, where it keeps the address of its server.
 */
public record ProductRule(String id, String vendor, String name, Category category, List<String> citations,
                          WindowsRules windows, LinuxRules linux, MacRules macos,
                          List<BackupItem> backup, Removal removal, List<ServerSetting> managementServer) {

    public ProductRule {
        citations = citations == null ? List.of() : List.copyOf(citations);
        backup = backup == null ? List.of() : List.copyOf(backup);
        managementServer = managementServer == null ? List.of() : List.copyOf(managementServer);
    }

    /**
     * @param displayNames    regexes found in an uninstall entry's DisplayName (also the localised ones)
     * @param environmentKeys regexes matched against the whole name of a key under {@code KasperskyLab\protected}
     * @param services        regexes matched against whole service names
     * @param processes       image names, compared without case
     */
    public record WindowsRules(List<String> displayNames, List<String> environmentKeys, List<String> services,
                               List<String> processes) {
        public WindowsRules {
            displayNames = orEmpty(displayNames);
            environmentKeys = orEmpty(environmentKeys);
            services = orEmpty(services);
            processes = orEmpty(processes);
        }

        public boolean matchesDisplayName(String displayName) {
            return Patterns.anyFinds(displayNames, displayName);
        }

        public boolean matchesEnvironmentKey(String keyName) {
            return Patterns.anyMatchesWhole(environmentKeys, keyName);
        }

        public boolean matchesService(String serviceName) {
            return Patterns.anyMatchesWhole(services, serviceName);
        }
    }

    /**
     * @param packages exact package names (dpkg and rpm)
     * @param units    systemd unit or init script names, without {@code .service}
     * @param paths    install folders that belong to this product
     * @param modules  regexes for kernel module names (whole name); only confirmed names belong here
     */
    public record LinuxRules(List<String> packages, List<String> units, List<String> paths, List<String> processes,
                             List<String> modules) {
        public LinuxRules {
            packages = orEmpty(packages);
            units = orEmpty(units);
            paths = orEmpty(paths);
            processes = orEmpty(processes);
            modules = orEmpty(modules);
        }

        public boolean matchesModule(String module) {
            return Patterns.anyMatchesWhole(modules, module);
        }
    }

    /**
     * @param receipts      regexes for pkgutil receipt ids
     * @param bundleIds     regexes for app bundle identifiers
     * @param launchd       regexes for LaunchDaemon/LaunchAgent labels
     * @param appNames      regexes for {@code .app} folder names
     */
    public record MacRules(List<String> receipts, List<String> bundleIds, List<String> launchd, List<String> appNames) {
        public MacRules {
            receipts = orEmpty(receipts);
            bundleIds = orEmpty(bundleIds);
            launchd = orEmpty(launchd);
            appNames = orEmpty(appNames);
        }
    }

    /**
     * Something worth keeping before removal.
     *
     * @param kind   folder, registry-key, vendor-export or licence-facts
     * @param what   settings, quarantine, reports, licence, database
     * @param path   a folder, with {@code {ProductRoot}} and {@code {DataFolder}} filled from the finding
     * @param argv   the vendor's own export command, {@code {out}} being the file it writes
     */
    public record BackupItem(String id, String platform, String kind, String what, String path, String registryKey,
                             List<String> argv) {
        public BackupItem {
            argv = orEmpty(argv);
        }
    }

    /**
     * How the product comes off. {@code order}: lower first (protection products, then the management agent,
     * then the server). {@code method} per OS: msi, package, uninstall-script, manual. {@code scripts} per OS:
     * the absolute path of the vendor's own uninstall script; Riddance runs a vendor script only when named here.
     */
    public record Removal(int order, Map<String, String> method, Map<String, List<String>> passwordProperties,
                          Map<String, String> scripts, String note) {

        public static final java.util.Set<String> METHODS = java.util.Set.of("msi", "package", "uninstall-script", "manual");

        public Removal {
            method = method == null ? Map.of() : Map.copyOf(method);
            passwordProperties = passwordProperties == null ? Map.of() : Map.copyOf(passwordProperties);
            scripts = scripts == null ? Map.of() : Map.copyOf(scripts);
        }
    }

    public boolean removable() {
        return removal != null && !removal.method().isEmpty()
                && removal.method().values().stream().noneMatch("manual"::equals);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
