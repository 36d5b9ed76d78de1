package org.riddance.demo;

import java.util.List;
import java.util.Map;

/**
 * A Debian package that stands in for a real one: the real package's name and file layout, with contents
 * and a description that say plainly it is a stand-in. Built with {@code dpkg-deb}, installed with
 * {@code dpkg --root}, so Riddance finds, backs up and purges it with the real tools.
 *
 * @param files      path inside the package → contents
 * @param conffiles  paths dpkg keeps on remove (so a removed-but-not-purged package leaves them behind)
 * @param scripts    maintainer scripts by name (postinst, prerm, postrm), contents as written
 */
public record StandInPackage(String name, String version, String maintainer, String summary,
                             Map<String, String> files, List<String> conffiles, Map<String, String> scripts) {

    public static final String STAND_IN_NOTE = "STAND-IN built by Riddance for tests and the demo; not the real "
            + "product. It has the real package's name and file layout and nothing else.";

    public StandInPackage {
        files = Map.copyOf(files);
        conffiles = List.copyOf(conffiles);
        scripts = Map.copyOf(scripts);
    }

    public String control() {
        return "Package: " + name + "\n"
                + "Version: " + version + "\n"
                + "Architecture: all\n"
                + "Maintainer: " + maintainer + "\n"
                + "Section: misc\n"
                + "Priority: optional\n"
                + "Description: " + summary + "\n"
                + " " + STAND_IN_NOTE + "\n";
    }
}
