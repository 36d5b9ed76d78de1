package org.riddance.platform;

import com.sun.jna.platform.win32.COM.COMUtils;
import com.sun.jna.platform.win32.COM.WbemcliUtil;
import com.sun.jna.platform.win32.Ole32;
import com.sun.jna.platform.win32.WinNT;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * {@code SELECT * FROM AntiVirusProduct} in {@code root\SecurityCenter2} through WMI (JNA COM), with a time
 * limit. Absent on Windows Server, where the namespace does not exist: that is an empty list, not an error.
 * Runs only on Windows; nothing here is touched on other OSes.
 */
final class WindowsSecurityCenter implements SecurityCenter {

    private static final String NAMESPACE = "ROOT\\SecurityCenter2";
    private static final int TIMEOUT_MILLIS = 15_000;

    enum Property { displayName, productState, pathToSignedProductExe, instanceGuid }

    @Override
    public List<AntivirusRegistration> antivirusProducts() throws IOException {
        WinNT.HRESULT init = Ole32.INSTANCE.CoInitializeEx(null, Ole32.COINIT_MULTITHREADED);
        boolean initialised = COMUtils.SUCCEEDED(init);
        try {
            if (!WbemcliUtil.hasNamespace(NAMESPACE)) {
                return List.of(); // Windows Server: no Security Center
            }
            WbemcliUtil.WmiResult<Property> result = new WbemcliUtil.WmiQuery<>(NAMESPACE, "AntiVirusProduct",
                    Property.class).execute(TIMEOUT_MILLIS);
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
        } finally {
            if (initialised) {
                Ole32.INSTANCE.CoUninitialize();
            }
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() & 0xFFFFFFFFL : 0;
    }
}
