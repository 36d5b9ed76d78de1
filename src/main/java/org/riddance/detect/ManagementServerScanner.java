package org.riddance.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.ProductRule;
import org.riddance.catalog.ServerSetting;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryValue;
import org.riddance.work.Cancellation;

/**
 * The Administration Server a management agent reports to (Kaspersky's Network Agent: {@code Protection_AdmServer}
 * under {@code Components\34\1103\1.0.0.0\Statistics\AVState}; on Linux the {@code KLNAGENT_SERVER} answer). That
 * server can push a removed product back, so the finding names it and says to leave its management first.
 */
final class ManagementServerScanner implements Scanner {

    /** The start of the evidence detail; {@link Finding#managementServers()} reads the address after it. */
    static final String PREFIX = "reports to the management server ";
    static final String WARNING = ": that server may install the product again after removal; have its administrator "
            + "take this PC out of its management (or delete it there) first";
    /** A host name, IPv4/IPv6 address, optionally with a port; anything else is not shown as an address. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]]{1,253}");
    private static final long MAX_FILE = 1 << 20;

    @Override
    public String name() {
        return "management server of the agent";
    }

    @Override
    public boolean appliesTo(Host host) {
        return true;
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException {
        List<Hit> hits = new ArrayList<>();
        String platform = host.os().family().id();
        for (ProductRule product : catalog.products()) {
            for (ServerSetting setting : product.managementServer()) {
                if (!platform.equals(setting.platform())) {
                    continue;
                }
                Optional<String> address = host.os().family() == OsFamily.WINDOWS
                        ? host.registry().value(setting.registryKey(), setting.value()).map(RegistryValue::asText)
                        : fromFile(host.files().resolve(setting.file()), setting.value());
                String location = host.os().family() == OsFamily.WINDOWS
                        ? setting.registryKey() + "\\" + setting.value() : setting.file();
                address.map(String::strip).filter(a -> ADDRESS.matcher(a).matches()).ifPresent(a ->
                        hits.add(Hit.productLeftover(product.id(), product.vendor(),
                                new Evidence(EvidenceKind.MANAGEMENT_SERVER, location, PREFIX + a + WARNING))));
            }
        }
        return hits;
    }

    /** {@code KEY=value} lines, the value optionally quoted; a huge or unreadable file gives nothing. */
    private static Optional<String> fromFile(Path file, String key) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.startsWith(key + "=")) {
                return Optional.of(l.substring(key.length() + 1).strip().replaceAll("^[\"']|[\"']$", ""));
            }
        }
        return Optional.empty();
    }
}
