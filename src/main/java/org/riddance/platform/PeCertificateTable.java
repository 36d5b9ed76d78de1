package org.riddance.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Finds the Authenticode PKCS#7 blob of a PE image (EXE, DLL, SYS) by walking its headers: DOS header
 * ({@code e_lfanew}) → {@code PE\0\0} → COFF header → optional header → security data directory → the
 * WIN_CERTIFICATE entries of the attribute certificate table (Microsoft "PE Format", "The Attribute Certificate
 * Table"). Reads the few header bytes and the table at their offsets, never the whole image: scans call this on
 * every binary of a disk.
 */
final class PeCertificateTable {

    /** Real tables are a few KB to a few hundred KB; a bigger claim is a lying header, not a signature. */
    static final int MAX_TABLE_BYTES = 10 * 1024 * 1024;

    private static final int MZ = 0x5A4D;
    private static final int PE_SIGNATURE = 0x0000_4550;
    private static final int PE32 = 0x10b;
    private static final int PE32_PLUS = 0x20b;
    private static final int SECURITY_DIRECTORY_INDEX = 4;
    private static final int WIN_CERT_REVISION_2_0 = 0x0200;
    private static final int WIN_CERT_TYPE_PKCS_SIGNED_DATA = 0x0002;

    private PeCertificateTable() {
    }

    /** The content of the first revision-2.0 PKCS#7 WIN_CERTIFICATE, a DER {@code ContentInfo}. */
    static byte[] firstSignedData(FileChannel file) throws IOException, Authenticode.NoSignature {
        ByteBuffer dos = read(file, 0, 64, "DOS header");
        if (Short.toUnsignedInt(dos.getShort(0)) != MZ) {
            throw new Authenticode.NoSignature("not a PE file (no MZ)");
        }
        long ntHeaders = Integer.toUnsignedLong(dos.getInt(0x3C));
        // signature (4) + COFF header (20) + optional header magic (2)
        ByteBuffer nt = read(file, ntHeaders, 26, "PE headers");
        if (nt.getInt(0) != PE_SIGNATURE) {
            throw new Authenticode.NoSignature("not a PE file (no PE signature at e_lfanew)");
        }
        int optionalHeaderSize = Short.toUnsignedInt(nt.getShort(20));
        int magic = Short.toUnsignedInt(nt.getShort(24));
        // the directory count and the directories follow the fields whose width differs between PE32 and PE32+
        int countAt = switch (magic) {
            case PE32 -> 92;
            case PE32_PLUS -> 108;
            default -> throw new Authenticode.NoSignature("unknown optional header magic 0x" + Integer.toHexString(magic));
        };
        int securityAt = countAt + 4 + SECURITY_DIRECTORY_INDEX * 8;
        if (optionalHeaderSize < securityAt + 8) {
            throw new Authenticode.NoSignature("optional header too short for a security directory");
        }
        ByteBuffer directories = read(file, ntHeaders + 24 + countAt, securityAt + 8 - countAt, "data directories");
        if (Integer.toUnsignedLong(directories.getInt(0)) <= SECURITY_DIRECTORY_INDEX) {
            throw new Authenticode.NoSignature("no security directory");
        }
        // unlike the other directories, this one holds a file offset, not an RVA
        long tableOffset = Integer.toUnsignedLong(directories.getInt(securityAt - countAt));
        long tableSize = Integer.toUnsignedLong(directories.getInt(securityAt - countAt + 4));
        if (tableOffset == 0 || tableSize == 0) {
            throw new Authenticode.NoSignature("unsigned (empty security directory)");
        }
        if (tableSize > MAX_TABLE_BYTES) {
            throw new Authenticode.NoSignature("certificate table claims " + tableSize + " bytes");
        }
        return signedDataIn(read(file, tableOffset, (int) tableSize, "certificate table"));
    }

    private static byte[] signedDataIn(ByteBuffer table) throws Authenticode.NoSignature {
        int at = 0;
        while (at + 8 <= table.limit()) {
            long length = Integer.toUnsignedLong(table.getInt(at));
            if (length < 8 || at + length > table.limit()) {
                throw new Authenticode.NoSignature("WIN_CERTIFICATE of " + length + " bytes does not fit the table");
            }
            if (Short.toUnsignedInt(table.getShort(at + 4)) == WIN_CERT_REVISION_2_0
                    && Short.toUnsignedInt(table.getShort(at + 6)) == WIN_CERT_TYPE_PKCS_SIGNED_DATA) {
                return Arrays.copyOfRange(table.array(), at + 8, at + (int) length);
            }
            at = (int) ((at + length + 7) & ~7L); // entries start on 8-byte boundaries
        }
        throw new Authenticode.NoSignature("no PKCS#7 WIN_CERTIFICATE in the certificate table");
    }

    private static ByteBuffer read(FileChannel file, long position, int length, String what)
            throws IOException, Authenticode.NoSignature {
        if (position + length > file.size()) {
            throw new Authenticode.NoSignature("past the end of the file: " + what);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new Authenticode.NoSignature("file ends inside the " + what);
            }
        }
        return buffer;
    }
}
