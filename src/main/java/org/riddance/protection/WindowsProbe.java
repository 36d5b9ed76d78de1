package org.riddance.protection;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.riddance.platform.AntivirusRegistration;
import org.riddance.platform.DefenderStatus;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.ServiceInfo;
import org.riddance.work.Cancellation;

/**
 * Windows: every antivirus Security Center lists, its {@code productState} decoded; Microsoft Defender's own
 * status ({@code MSFT_MpComputerStatus}) for the details Security Center does not give (real-time protection,
 * signature age, running mode, tamper protection). Windows Server has no Security Center: there Defender's
 * status and its {@code WinDefend} service are all there is.
 */
final class WindowsProbe implements ProductProbe {

    static final String DEFENDER_ID = "microsoft-defender";
    private static final String DEFENDER_SERVICE = "WinDefend";

    @Override
    public String name() {
        return "Windows Security Center and Microsoft Defender";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.WINDOWS;
    }

    @Override
    public List<AntivirusProduct> probe(Host host, Instant now, Cancellation cancellation) throws IOException {
        List<AntivirusRegistration> registrations = host.securityCenter().antivirusProducts();
        Optional<DefenderStatus> defender = host.securityCenter().defender();
        List<AntivirusProduct> products = new ArrayList<>();
        boolean defenderListed = false;
        for (AntivirusRegistration r : registrations) {
            ProductState state = ProductState.decode(r.productState());
            boolean isDefender = state.microsoftOwned() && r.displayName().toLowerCase(Locale.ROOT).contains("defender");
            AntivirusProduct product = fromSecurityCenter(host, r, state);
            if (isDefender && defender.isPresent()) {
                product = withDefenderDetails(product, defender.get(), now);
                defenderListed = true;
            }
            products.add(product);
        }
        if (!defenderListed && defender.isPresent() && (registrations.isEmpty() || defender.get().activeMode())) {
            products.add(fromDefenderAlone(host, defender.get(), now)); // Windows Server, or Defender not in WSC
        } else if (registrations.isEmpty() && defender.isEmpty()) {
            defenderService(host).ifPresent(products::add);
        }
        return products;
    }

    private static AntivirusProduct fromSecurityCenter(Host host, AntivirusRegistration r, ProductState state) {
        boolean stale = r.programMissing(host);
        List<String> notes = new ArrayList<>();
        notes.add("productState " + r.productState() + " (" + state.hex() + "): " + state.state().name().toLowerCase(Locale.ROOT)
                + ", signatures " + (state.signaturesUpToDate() ? "up to date" : "out of date")
                + (state.microsoftOwned() ? ", Microsoft product" : ""));
        if (stale) {
            notes.add("stale entry: " + r.productExe() + " no longer exists");
        }
        if (state.state() == ProductState.State.SNOOZED) {
            notes.add("snoozed: protection is temporarily off");
        } else if (state.state() == ProductState.State.EXPIRED) {
            notes.add("expired: the subscription has run out and the product no longer protects");
        }
        // Security Center reports an antivirus "on" exactly when its real-time protection is on
        Switch on = state.state() == ProductState.State.UNKNOWN ? Switch.UNKNOWN : Switch.of(state.on());
        return new AntivirusProduct(id(r), r.displayName(), vendorOf(r.displayName(), state), "", "Windows Security Center",
                on, on, Optional.empty(), Optional.of(state.signaturesUpToDate()), "", stale,
                stale ? EicarRoute.NONE : EicarRoute.watching(MdatpProbe.watchedFolder(host)), notes);
    }

    private static AntivirusProduct withDefenderDetails(AntivirusProduct p, DefenderStatus d, Instant now) {
        return new AntivirusProduct(DEFENDER_ID, p.name(), "Microsoft", d.productVersion(),
                "Windows Security Center + MSFT_MpComputerStatus", Switch.of(p.enabled() == Switch.ON && d.antivirusEnabled()),
                Switch.of(d.realTimeProtectionEnabled()), signatureDate(d, now), p.definitionsCurrent(), d.signatureVersion(),
                p.stale(), p.eicarRoute(), merge(p.notes(), defenderNotes(d)));
    }

    private static AntivirusProduct fromDefenderAlone(Host host, DefenderStatus d, Instant now) {
        return new AntivirusProduct(DEFENDER_ID, "Microsoft Defender Antivirus", "Microsoft", d.productVersion(),
                "MSFT_MpComputerStatus", Switch.of(d.serviceEnabled() && d.antivirusEnabled() && d.activeMode()),
                Switch.of(d.realTimeProtectionEnabled()), signatureDate(d, now), Optional.empty(), d.signatureVersion(),
                false, EicarRoute.watching(MdatpProbe.watchedFolder(host)), defenderNotes(d));
    }

    private static Optional<AntivirusProduct> defenderService(Host host) throws IOException {
        return host.services().list().stream().filter(s -> s.name().equalsIgnoreCase(DEFENDER_SERVICE)).findFirst()
                .map(s -> new AntivirusProduct(DEFENDER_ID, "Microsoft Defender Antivirus", "Microsoft", "",
                        "service " + DEFENDER_SERVICE, s.state() == ServiceInfo.State.RUNNING ? Switch.ON
                        : s.state() == ServiceInfo.State.STOPPED ? Switch.OFF : Switch.UNKNOWN, Switch.UNKNOWN,
                        Optional.empty(), Optional.empty(), "", false, EicarRoute.watching(MdatpProbe.watchedFolder(host)),
                        List.of("Defender's status (MSFT_MpComputerStatus) could not be read; only its service was found")));
    }

    private static Optional<Instant> signatureDate(DefenderStatus d, Instant now) {
        return d.signatureUpdated().or(() -> d.signatureAgeDays() >= 0
                ? Optional.of(now.minus(Duration.ofDays(d.signatureAgeDays()))) : Optional.empty());
    }

    private static List<String> defenderNotes(DefenderStatus d) {
        List<String> notes = new ArrayList<>();
        notes.add("running mode: " + (d.runningMode().isBlank() ? "not reported" : d.runningMode()));
        notes.add("tamper protection " + (d.tamperProtected() ? "on" : "off"));
        if (!d.serviceEnabled()) {
            notes.add("the Defender antimalware service is not running");
        }
        return notes;
    }

    private static List<String> merge(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String id(AntivirusRegistration r) {
        String slug = r.displayName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "wsc-" + (slug.isEmpty() ? r.instanceGuid() : slug);
    }

    private static String vendorOf(String displayName, ProductState state) {
        if (state.microsoftOwned()) {
            return "Microsoft";
        }
        int space = displayName.indexOf(' ');
        return space > 0 ? displayName.substring(0, space) : displayName;
    }
}
