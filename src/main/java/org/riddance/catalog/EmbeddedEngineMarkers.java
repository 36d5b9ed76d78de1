package org.riddance.catalog;

import java.util.List;

/**
 * Signs of the vendor's engine inside another company's product: SDK data folders, the vendor's driver names
 * loaded from another vendor's folder, binaries signed by the vendor outside its own folders.
 *
 * @param ownFolders    regexes for the vendor's own install folders; a driver or binary outside them is embedded
 * @param engineFolders folder names (a tail like {@code kav\bases} may hold a backslash) that carry the vendor's engine
 *                      when they appear inside another company's install folder ({@code ...\BaiduAntivirus\kavdrivers})
 */
public record EmbeddedEngineMarkers(String vendor, List<String> sdkFolders, List<String> ownFolders,
                                    List<String> binaryNames, List<String> engineFolders) {

    public EmbeddedEngineMarkers {
        engineFolders = engineFolders == null ? List.of() : List.copyOf(engineFolders);
        sdkFolders = sdkFolders == null ? List.of() : List.copyOf(sdkFolders);
        ownFolders = ownFolders == null ? List.of() : List.copyOf(ownFolders);
        binaryNames = binaryNames == null ? List.of() : List.copyOf(binaryNames);
    }

    public boolean isOwnFolder(String path) {
        return Patterns.anyFinds(ownFolders, path);
    }
}
