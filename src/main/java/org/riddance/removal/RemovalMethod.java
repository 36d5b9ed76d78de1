package org.riddance.removal;

/** How an item comes off: the catalog's method for the OS, or the cleanup of what is left behind. */
public enum RemovalMethod {
    MSI, PACKAGE, UNINSTALL_SCRIPT, CLEANUP, MANUAL
}
