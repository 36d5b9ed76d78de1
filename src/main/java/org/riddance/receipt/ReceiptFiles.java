package org.riddance.receipt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a receipt from whatever the verifier is handed: the JSON and its signature, the PDF, or a scan. */
public final class ReceiptFiles {

    private ReceiptFiles() {
    }

    public static SignedReceipt read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".pdf")) {
            throw new IOException("Reading a receipt from its PDF is not part of this build yet; verify the .receipt.json "
                    + "with its .sig, or the QR code");
        }
        return SignedReceipt.read(file);
    }

    public static Optional<SignedReceipt> fromQrImage(Path image) throws IOException {
        throw new IOException("Reading a QR code from an image is not part of this build yet; use --qr-text");
    }
}
