package org.riddance.catalog;

/** A catalog that cannot be used, with a message a technician can act on. The built-in catalog stays in force. */
public final class CatalogException extends Exception {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
