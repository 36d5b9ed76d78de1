package org.riddance.receipt;

/** A keystore that cannot be opened or made, with what to do about it. Nothing was changed on disk. */
public final class KeyStoreException extends Exception {

    public KeyStoreException(String message) {
        super(message);
    }

    public KeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
