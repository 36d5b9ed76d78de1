package org.riddance.platform;

import com.sun.jna.platform.win32.COM.COMException;
import com.sun.jna.platform.win32.COM.Wbemcli;
import com.sun.jna.platform.win32.COM.WbemcliUtil;
import com.sun.jna.platform.win32.WinNT;
import java.io.IOException;
import java.util.ArrayList;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * {@code SELECT * FROM AntiVirusProduct} in {@code root\SecurityCenter2} through WMI (JNA COM), with a time
 * limit. Absent on Windows Server, where the namespace does not exist: that is an empty list, not an error.
 * Runs only on Windows; nothing here is touched on other OSes.
 */
final class WindowsSecurityCenter implements SecurityCenter {

    private static final String NAMESPACE = "ROOT\\SecurityCenter2";
    private static final String DEFENDER_NAMESPACE = "ROOT\\Microsoft\\Windows\\Defender";
    private static final int TIMEOUT_MILLIS = 15_000;

    enum Property { displayName, productState, pathToSignedProductExe, instanceGuid }

    enum MpProperty {
        AMServiceEnabled, AntivirusEnabled, RealTimeProtectionEnabled, AntivirusSignatureAge,
        AntivirusSignatureLastUpdated, AntivirusSignatureVersion, AMEngineVersion, AMProductVersion, AMRunningMode,
        IsTamperProtected
    }

    @Override
    public List<AntivirusRegistration> antivirusProducts() throws IOException {
        try (Com com = Com.enter()) {
            Optional<WbemcliUtil.WmiResult<Property>> found = query(NAMESPACE, "AntiVirusProduct", Property.class);
            if (found.isEmpty()) {
                return List.of(); // Windows Server: no Security Center
            }
            WbemcliUtil.WmiResult<Property> result = found.get();
            List<AntivirusRegistration> products = new ArrayList<>();
            for (int i = 0; i < result.getResultCount(); i++) {
                products.add(new AntivirusRegistration(text(result.getValue(Property.displayName, i)),
                        number(result.getValue(Property.productState, i)),
                        text(result.getValue(Property.pathToSignedProductExe, i)),
                        text(result.getValue(Property.instanceGuid, i))));
            }
            return products;
        } catch (TimeoutException e) {
            throw new IOException("Windows Security Center did not answer within " + TIMEOUT_MILLIS / 1000 + " s", e);
        } catch (RuntimeException e) { // COMException and friends: WMI is broken on this PC
            throw new IOException("Windows Security Center could not be queried: " + e.getMessage(), e);
        }
    }

    /** {@code MSFT_MpComputerStatus}: present on Windows 10/11 and on Windows Server with Defender installed. */
    @Override
    public Optional<DefenderStatus> defender() throws IOException {
        try (Com com = Com.enter()) {
            Optional<WbemcliUtil.WmiResult<MpProperty>> found = query(DEFENDER_NAMESPACE, "MSFT_MpComputerStatus",
                    MpProperty.class);
            if (found.isEmpty() || found.get().getResultCount() == 0) {
                return Optional.empty();
            }
            WbemcliUtil.WmiResult<MpProperty> r = found.get();
            return Optional.of(defenderStatus(property -> r.getValue(property, 0)));
        } catch (TimeoutException e) {
            throw new IOException("Microsoft Defender's status did not answer within " + TIMEOUT_MILLIS / 1000 + " s", e);
        } catch (RuntimeException e) {
            throw new IOException("Microsoft Defender's status could not be queried: " + e.getMessage(), e);
        }
    }

    /**
     * A {@code MSFT_MpComputerStatus} instance as JNA hands its properties over: CIM booleans as {@link Boolean},
     * uint32 as {@link Integer} (a VT_I4 VARIANT, so 4294967295 arrives as -1), DATETIME as CIM text.
     */
    static DefenderStatus defenderStatus(java.util.function.Function<MpProperty, Object> value) {
        return new DefenderStatus(flag(value.apply(MpProperty.AMServiceEnabled)),
                flag(value.apply(MpProperty.AntivirusEnabled)),
                flag(value.apply(MpProperty.RealTimeProtectionEnabled)),
                (int) number(value.apply(MpProperty.AntivirusSignatureAge)),
                cimDate(text(value.apply(MpProperty.AntivirusSignatureLastUpdated))),
                text(value.apply(MpProperty.AntivirusSignatureVersion)),
                text(value.apply(MpProperty.AMEngineVersion)), text(value.apply(MpProperty.AMProductVersion)),
                text(value.apply(MpProperty.AMRunningMode)), flag(value.apply(MpProperty.IsTamperProtected)));
    }

    /**
     * The query, or empty where its namespace does not exist. JNA's {@code hasNamespace} lists only ROOT's direct
     * children, so {@code ROOT\\Microsoft\\Windows\\Defender} never matched: connecting and reading
     * WBEM_E_INVALID_NAMESPACE is the one test that holds at any depth.
     */
    private static <T extends Enum<T>> Optional<WbemcliUtil.WmiResult<T>> query(String namespace, String wmiClass,
                                                                              Class<T> properties) throws TimeoutException {
        try {
            return Optional.of(new WbemcliUtil.WmiQuery<>(namespace, wmiClass, properties).execute(TIMEOUT_MILLIS));
        } catch (COMException e) {
            if (isMissingNamespace(e.getHresult())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static boolean isMissingNamespace(WinNT.HRESULT hr) {
        return hr != null && (hr.intValue() == Wbemcli.WBEM_E_INVALID_NAMESPACE || hr.intValue() == Wbemcli.WBEM_E_INVALID_CLASS);
    }

    /** A CIM DATETIME: {@code yyyyMMddHHmmss.ffffff+UUU}, the offset in minutes. */
    static Optional<Instant> cimDate(String text) {
        if (text.length() < 25) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.substring(0, 14), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            int offsetMinutes = Integer.parseInt(text.substring(21).replace("+", ""));
            return Optional.of(local.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean b && b;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() & 0xFFFFFFFFL : 0;
    }
}
