package org.riddance.platform;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Guid;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import java.nio.file.Path;
import java.util.Optional;

/**
 * WinVerifyTrust with WINTRUST_ACTION_GENERIC_VERIFY_V2, no UI, revocation checked on the whole chain but from
 * cached data only (a technician's PC may be offline): the file's hash, its signature and the signer's chain up to
 * a trusted root, as Explorer's "Digital Signatures" tab decides. Declared here because JNA's platform library
 * has no wintrust binding; layouts from WinTrust.h.
 */
final class WinTrust implements SignatureTrust {

    static final Guid.GUID GENERIC_VERIFY_V2 = new Guid.GUID("{00AAC56B-CD44-11d0-8CC2-00C04FC295EE}");
    static final int WTD_UI_NONE = 2;
    static final int WTD_REVOKE_WHOLECHAIN = 1;
    static final int WTD_CHOICE_FILE = 1;
    static final int WTD_STATEACTION_VERIFY = 1;
    static final int WTD_STATEACTION_CLOSE = 2;
    static final int WTD_CACHE_ONLY_URL_RETRIEVAL = 0x1000;

    interface Wintrust extends StdCallLibrary {
        Wintrust INSTANCE = Native.load("wintrust", Wintrust.class, W32APIOptions.DEFAULT_OPTIONS);

        int WinVerifyTrust(WinDef.HWND window, Guid.GUID action, WinTrustData data);
    }

    @Structure.FieldOrder({"cbStruct", "pcwszFilePath", "hFile", "pgKnownSubject"})
    public static class FileInfo extends Structure {
        public int cbStruct;
        public WString pcwszFilePath;
        public WinNT.HANDLE hFile;
        public Pointer pgKnownSubject;

        public FileInfo(Path file) {
            pcwszFilePath = new WString(file.toAbsolutePath().toString());
            cbStruct = size();
        }

        public static class ByReference extends FileInfo implements Structure.ByReference {
            public ByReference(Path file) {
                super(file);
            }
        }
    }

    @Structure.FieldOrder({"cbStruct", "pPolicyCallbackData", "pSIPClientData", "dwUIChoice", "fdwRevocationChecks",
            "dwUnionChoice", "pFile", "dwStateAction", "hWVTStateData", "pwszURLReference", "dwProvFlags", "dwUIContext",
            "pSignatureSettings"})
    public static class WinTrustData extends Structure {
        public int cbStruct;
        public Pointer pPolicyCallbackData;
        public Pointer pSIPClientData;
        public int dwUIChoice = WTD_UI_NONE;
        public int fdwRevocationChecks = WTD_REVOKE_WHOLECHAIN;
        public int dwUnionChoice = WTD_CHOICE_FILE;
        public FileInfo.ByReference pFile;
        public int dwStateAction = WTD_STATEACTION_VERIFY;
        public WinNT.HANDLE hWVTStateData;
        public WString pwszURLReference;
        public int dwProvFlags = WTD_CACHE_ONLY_URL_RETRIEVAL;
        public int dwUIContext;
        public Pointer pSignatureSettings;

        public WinTrustData() {
            cbStruct = size();
        }
    }

    @Override
    public Optional<String> distrust(Path file) {
        WinTrustData data = new WinTrustData();
        data.pFile = new FileInfo.ByReference(file);
        int result = Wintrust.INSTANCE.WinVerifyTrust(null, GENERIC_VERIFY_V2, data);
        data.dwStateAction = WTD_STATEACTION_CLOSE; // frees what the verify step kept
        Wintrust.INSTANCE.WinVerifyTrust(null, GENERIC_VERIFY_V2, data);
        return result == 0 ? Optional.empty() : Optional.of(reason(result));
    }

    /** What the technician reads; codes from WinError.h (TRUST_E_*, CERT_E_*). */
    static String reason(int code) {
        return switch (code) {
            case 0x800B0100 -> "it carries no signature Windows accepts (TRUST_E_NOSIGNATURE)";
            case 0x80096010 -> "the file was changed after it was signed (TRUST_E_BAD_DIGEST)";
            case 0x800B0109 -> "its signing certificate leads to a root Windows does not trust (CERT_E_UNTRUSTEDROOT)";
            case 0x800B010A -> "its signing certificate's chain is incomplete (CERT_E_CHAINING)";
            case 0x800B0101 -> "its signing certificate had expired when it signed (CERT_E_EXPIRED)";
            case 0x800B010C -> "its signing certificate was revoked (CERT_E_REVOKED)";
            case 0x800B0111 -> "its signer is explicitly distrusted on this PC (TRUST_E_EXPLICIT_DISTRUST)";
            case 0x800B0004 -> "Windows does not trust its signer (TRUST_E_SUBJECT_NOT_TRUSTED)";
            case 0x80092026 -> "the signature could not be checked: revocation data is not at hand "
                    + "(CRYPT_E_SECURITY_SETTINGS); connect the PC to the internet once and try again";
            default -> String.format("Windows refused its signature (WinVerifyTrust 0x%08X)", code);
        };
    }
}
