package org.riddance.receipt;

import java.io.ByteArrayOutputStream;

/**
 * RFC 9285 Base45: two bytes as three characters of the QR alphanumeric set, so a QR code stores each character
 * in 5.5 bits instead of 8 (the EU Digital COVID Certificate carries its signed, deflated payload this way).
 */
public final class Base45 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private Base45() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 3 / 2 + 2);
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            int n = (bytes[i] & 0xFF) * 256 + (bytes[i + 1] & 0xFF);
            text.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
        }
        if (bytes.length % 2 == 1) {
            int n = bytes[bytes.length - 1] & 0xFF;
            text.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException on a character outside the alphabet, a dangling character or a value over range */
    public static byte[] decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() * 2 / 3 + 1);
        int i = 0;
        for (; i + 2 < text.length(); i += 3) {
            int n = digit(text, i) + digit(text, i + 1) * 45 + digit(text, i + 2) * 2025;
            if (n > 0xFFFF) {
                throw new IllegalArgumentException("not Base45: a triple over 65535 at " + i);
            }
            bytes.write(n >> 8);
            bytes.write(n & 0xFF);
        }
        int left = text.length() - i;
        if (left == 2) {
            int n = digit(text, i) + digit(text, i + 1) * 45;
            if (n > 0xFF) {
                throw new IllegalArgumentException("not Base45: a final pair over 255");
            }
            bytes.write(n);
        } else if (left == 1) {
            throw new IllegalArgumentException("not Base45: one character left over");
        }
        return bytes.toByteArray();
    }

    private static int digit(String text, int index) {
        int digit = ALPHABET.indexOf(text.charAt(index));
        if (digit < 0) {
            throw new IllegalArgumentException("not Base45: '" + text.charAt(index) + "' at " + index);
        }
        return digit;
    }
}
