package org.riddance.catalog;

/**
 * Where a management agent keeps the address of the server that manages it: a registry value on Windows, or a
 * {@code KEY=value} line of a file on Linux and macOS. A managed PC can have a removed product pushed back by
 * that server, so the technician must know which server it is.
 *
 * @param platform    windows, linux or macos
 * @param registryKey the key holding {@code value} (Windows)
 * @param file        the file holding {@code value} as {@code value=address} (Linux, macOS)
 */
public record ServerSetting(String platform, String registryKey, String file, String value) {
}
