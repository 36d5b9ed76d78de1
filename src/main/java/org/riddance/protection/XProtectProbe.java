package org.riddance.protection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * macOS's built-in XProtect: its version from the bundle's Info.plist and the date of its signature files.
 * XProtect cannot be switched off and checks files when they are first opened, so it counts as enabled with
 * real-time protection; it has no interface to scan a file on request, so the EICAR test cannot reach it.
 */
final class XProtectProbe implements ProductProbe {

    static final List<String> BUNDLES = List.of("/Library/Apple/System/Library/CoreServices/XProtect.bundle",
            "/System/Library/CoreServices/XProtect.bundle");

    @Override
    public String name() {
        return "XProtect";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.MACOS;
    }

    @Override
    public List<AntivirusProduct> probe(Host host, Instant now, org.riddance.work.Cancellation cancellation)
            throws IOException {
        for (String bundle : BUNDLES) {
            Path info = host.files().resolve(bundle + "/Contents/Info.plist");
            if (!Files.isRegularFile(info)) {
                continue;
            }
            String version = plistString(info, "CFBundleShortVersionString").orElse("");
            Optional<Instant> updated = newest(host.files().resolve(bundle + "/Contents/Resources"))
                    .or(() -> modified(info));
            List<String> notes = new ArrayList<>();
            notes.add("bundle " + bundle);
            notes.add("XProtect has no on-request scan: the EICAR test cannot reach it");
            return List.of(new AntivirusProduct("xprotect", "XProtect", "Apple", version, "XProtect.bundle Info.plist",
                    Switch.ON, Switch.ON, updated, Optional.empty(), version, false, EicarRoute.NONE, notes));
        }
        return List.of();
    }

    /** The string value following {@code <key>name</key>} in an XML property list. */
    static Optional<String> plistString(Path plist, String key) throws IOException {
        try (InputStream in = Files.newInputStream(plist)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            NodeList keys = f.newDocumentBuilder().parse(in).getElementsByTagName("key");
            for (int i = 0; i < keys.getLength(); i++) {
                if (!keys.item(i).getTextContent().strip().equals(key)) {
                    continue;
                }
                Node next = keys.item(i).getNextSibling();
                while (next != null && !(next instanceof Element)) {
                    next = next.getNextSibling();
                }
                return next != null && next.getNodeName().equals("string")
                        ? Optional.of(next.getTextContent().strip()) : Optional.empty();
            }
            return Optional.empty();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Not a readable XML property list: " + plist + " (" + e.getMessage() + ")", e);
        }
    }

    private static Optional<Instant> newest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(XProtectProbe::modified).flatMap(Optional::stream).max(Instant::compareTo);
        }
    }

    private static Optional<Instant> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
