package org.riddance.platform;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Minimal PE images for tests: a stand-in for real Windows binaries, laid out as a linker and signtool lay out a
 * signed file, but with nothing that would run. A DOS header whose {@code e_lfanew} points past a zeroed stub,
 * {@code PE\0\0}, a COFF header with no sections, an optional header (PE32 or PE32+) with 16 data directories,
 * headers padded to FileAlignment, and the attribute certificate table appended at an 8-byte boundary.
 */
public final class PeImages {

    static final int PE32 = 0x10b;
    static final int PE32_PLUS = 0x20b;
    static final int WIN_CERT_REVISION_2_0 = 0x0200;
    static final int WIN_CERT_TYPE_X509 = 0x0001;
    static final int WIN_CERT_TYPE_PKCS_SIGNED_DATA = 0x0002;

    private static final int PE_OFFSET = 0x80;
    private static final int FILE_ALIGNMENT = 0x200;
    private static final int DATA_DIRECTORIES = 16;
    private static final int SECURITY_DIRECTORY_INDEX = 4;

    private PeImages() {
    }

    /** An image whose security directory points at {@code certificateTable}, appended right after the headers. */
    static byte[] signed(int magic, byte[] certificateTable) {
        byte[] headers = headers(magic, FILE_ALIGNMENT, certificateTable.length);
        return ByteBuffer.allocate(headers.length + certificateTable.length).put(headers).put(certificateTable).array();
    }

    static byte[] unsigned(int magic) {
        return headers(magic, 0, 0);
    }

    /** Headers only, with whatever the security directory is told to claim. */
    static byte[] headers(int magic, long tableOffset, long tableSize) {
        boolean plus = magic == PE32_PLUS;
        int optionalHeaderSize = (plus ? 112 : 96) + DATA_DIRECTORIES * 8;
        ByteBuffer image = ByteBuffer.allocate(FILE_ALIGNMENT).order(ByteOrder.LITTLE_ENDIAN);
        image.putShort(0, (short) 0x5A4D).putInt(0x3C, PE_OFFSET);

        image.putInt(PE_OFFSET, 0x0000_4550);
        int coff = PE_OFFSET + 4;
        image.putShort(coff, (short) (plus ? 0x8664 : 0x014C))                 // Machine: x64 or i386
                .putShort(coff + 2, (short) 0)                                 // NumberOfSections
                .putInt(coff + 4, 0x5F5E_1000)                                 // TimeDateStamp
                .putShort(coff + 16, (short) optionalHeaderSize)
                .putShort(coff + 18, (short) (plus ? 0x0022 : 0x0102));        // executable, large-address / 32-bit

        int optional = coff + 20;
        image.putShort(optional, (short) magic)
                .putInt(optional + 32, 0x1000)                                 // SectionAlignment
                .putInt(optional + 36, FILE_ALIGNMENT)
                .putInt(optional + 56, 0x1000)                                 // SizeOfImage
                .putInt(optional + 60, FILE_ALIGNMENT)                         // SizeOfHeaders
                .putShort(optional + 68, (short) 3);                           // Subsystem: console
        if (plus) {
            image.putLong(optional + 24, 0x1_4000_0000L);                      // ImageBase
        } else {
            image.putInt(optional + 28, 0x40_0000);
        }
        int count = optional + (plus ? 108 : 92);
        image.putInt(count, DATA_DIRECTORIES);
        int security = count + 4 + SECURITY_DIRECTORY_INDEX * 8;
        image.putInt(security, (int) tableOffset).putInt(security + 4, (int) tableSize);
        return image.array();
    }

    /** One WIN_CERTIFICATE, zero-padded to 8 bytes; dwLength counts the padding, as signtool writes it. */
    static byte[] winCertificate(int revision, int type, byte[] content) {
        int length = (8 + content.length + 7) & ~7;
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(length).putShort((short) revision).putShort((short) type).put(content).array();
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }
}
