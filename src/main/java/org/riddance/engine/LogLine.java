package org.riddance.engine;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * One line of the technician's log,
 * {@code 2026-12-04T12:40:07.123+01:00 INFO  [main] o.r.d.LeftoverFolderScanner - text},
 * then the stack trace when there is one. Written by hand rather than with Logback's {@code PatternLayout}, whose
 * pattern parser and converter table cost about 30 ms of every command's start-up, while this costs nothing until
 * the first line is written.
 */
final class LogLine {

    /** Logger names longer than this lose their package names' letters first, much as Logback's {@code %logger{30}}. */
    static final int LOGGER_WIDTH = 30;

    String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        timestamp(line, event.getTimeStamp(), ZoneId.systemDefault());
        String level = event.getLevel().toString();
        line.append(' ').append(level).append(" ".repeat(Math.max(0, 5 - level.length())));
        line.append(" [").append(event.getThreadName()).append("] ");
        line.append(shortLogger(event.getLoggerName())).append(" - ").append(event.getFormattedMessage()).append('\n');
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)).append('\n');
        }
        return line.toString();
    }

    /** ISO 8601 with milliseconds and the zone's offset, as {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} writes it. */
    static void timestamp(StringBuilder out, long epochMillis, ZoneId zone) {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        ZoneOffset offset = zone.getRules().getOffset(instant);
        LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
        out.append(local.getYear()).append('-');
        twoDigits(out, local.getMonthValue()).append('-');
        twoDigits(out, local.getDayOfMonth()).append('T');
        twoDigits(out, local.getHour()).append(':');
        twoDigits(out, local.getMinute()).append(':');
        twoDigits(out, local.getSecond()).append('.');
        int millis = local.getNano() / 1_000_000;
        out.append(millis < 100 ? (millis < 10 ? "00" : "0") : "").append(millis);
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            out.append('Z');
            return;
        }
        out.append(seconds < 0 ? '-' : '+');
        twoDigits(out, Math.abs(seconds) / 3600).append(':');
        twoDigits(out, Math.abs(seconds) / 60 % 60);
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append(value < 10 ? "0" : "").append(value);
    }

    /** {@code org.riddance.detect.LeftoverFolderScanner} becomes {@code o.r.d.LeftoverFolderScanner}. */
    static String shortLogger(String name) {
        if (name.length() <= LOGGER_WIDTH) {
            return name;
        }
        String[] parts = name.split("\\.");
        int length = name.length();
        for (int i = 0; i < parts.length - 1 && length > LOGGER_WIDTH; i++) {
            length -= parts[i].length() - 1;
            parts[i] = parts[i].substring(0, Math.min(1, parts[i].length()));
        }
        return String.join(".", parts);
    }
}
