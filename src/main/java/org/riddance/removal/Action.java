package org.riddance.removal;

import org.riddance.platform.Command;

/** One thing an item does, shown to the technician before anything runs. */
public sealed interface Action {

    /** What the technician reads: the exact argv with secrets masked, or the path to delete. */
    String describe();

    /** Why a program runs: how its exit code is read. */
    enum Purpose {
        /** msiexec /x: the MSI exit codes (0, 1605, 1618, 1603, 3010, 1641). */
        MSI_UNINSTALL,
        /** dpkg --purge, rpm -e, a vendor script: 0 is success, anything else a failure. */
        UNINSTALL,
        /** systemctl stop/disable, launchctl bootout: best effort, the uninstall itself decides the outcome. */
        PREPARE,
        /** pkgutil --forget after the script: the receipt would otherwise say the product is still there. */
        FORGET
    }

    record Run(Command command, Purpose purpose) implements Action {
        @Override
        public String describe() {
            return command.describe();
        }
    }

    /** A folder the catalog says belongs to the product; deleted with what is inside, links not followed. */
    record DeleteFolder(String systemPath) implements Action {
        @Override
        public String describe() {
            return "delete folder " + systemPath;
        }
    }

    /** A file the catalog names (a launchd item); deleted on its own. */
    record DeleteFile(String systemPath) implements Action {
        @Override
        public String describe() {
            return "delete file " + systemPath;
        }
    }

    /** Take the vendor's drivers out of a device class's UpperFilters, keeping every other filter in its order. */
    record CleanUpperFilters(String classKey, java.util.List<String> remove) implements Action {
        public CleanUpperFilters {
            remove = java.util.List.copyOf(remove);
        }

        @Override
        public String describe() {
            return "remove " + String.join(", ", remove) + " from UpperFilters of " + classKey + " (other filters kept; old value backed up first)";
        }
    }

    /** A vendor driver or service left behind: stopped, disabled and deleted through the service manager. */
    record RemoveService(String name) implements Action {
        @Override
        public String describe() {
            return "stop, disable and delete the service " + name + " (service control manager)";
        }
    }

    /** A registry key the catalog names as a leftover. */
    record DeleteRegistryKey(String keyPath) implements Action {
        @Override
        public String describe() {
            return "delete registry key " + keyPath;
        }
    }
}
