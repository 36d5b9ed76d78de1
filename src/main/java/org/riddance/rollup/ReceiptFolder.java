package org.riddance.rollup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The receipt files under a folder (a USB stick, a share, a collected folder): every {@code .receipt.json}, every PDF,
 * and, as rows of their own, what cannot be a receipt but looks like part of one (a {@code .receipt.sig} without its
 * JSON, a symbolic link, a folder that cannot be listed). Links are never followed: a link on a stick may point
 * anywhere on the office PC. A PDF beside its own {@code .receipt.json} is the same receipt and is not read twice.
 */
final class ReceiptFolder {

    /** Deeper than any stick or share layout; bounds the walk on a pathological tree. */
    static final int MAX_DEPTH = 16;

    enum Kind { JSON, PDF, PROBLEM }

    /** A file to read, or a problem found while walking (then {@code problem} says what). */
    record Found(Path file, String name, Kind kind, String problem) {
    }

    private ReceiptFolder() {
    }

    /** The receipt files under {@code folder}, in name order, skipping {@code skip} (the roll-up's own output). */
    static List<Found> list(Path folder, Optional<Path> skip) throws IOException {
        Path base = folder.toAbsolutePath().normalize();
        Optional<Path> skipped = skip.map(p -> p.toAbsolutePath().normalize());
        List<Found> found = new ArrayList<>();
        Files.walkFileTree(base, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return skipped.isPresent() && !dir.equals(base) && dir.equals(skipped.get())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = relative(base, file);
                if (attrs.isSymbolicLink()) {
                    found.add(new Found(file, name, Kind.PROBLEM, "a symbolic link: not followed"));
                } else if (attrs.isDirectory()) {
                    found.add(new Found(file, name, Kind.PROBLEM, "a folder deeper than " + MAX_DEPTH + " levels: not read"));
                } else if (attrs.isRegularFile()) {
                    classify(file, name).ifPresent(found::add);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                found.add(new Found(file, relative(base, file), Kind.PROBLEM, "cannot be read: " + e.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(java.util.Comparator.comparing(Found::name));
        return found;
    }

    private static Optional<Found> classify(Path file, String name) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.contains(".rollup.")) {
            return Optional.empty(); // an earlier roll-up's files
        }
        if (lower.endsWith(".receipt.json")) {
            return Optional.of(new Found(file, name, Kind.JSON, ""));
        }
        if (lower.endsWith(".receipt.sig")) {
            Path json = sibling(file, ".receipt.sig", ".receipt.json");
            return Files.exists(json, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? Optional.empty()
                    : Optional.of(new Found(file, name, Kind.PROBLEM, "a receipt signature without its .receipt.json"));
        }
        if (lower.endsWith(".pdf")) {
            boolean besideItsJson = lower.endsWith(".receipt.pdf") && Files.isRegularFile(sibling(file, ".receipt.pdf", ".receipt.json"), java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return besideItsJson ? Optional.empty() : Optional.of(new Found(file, name, Kind.PDF, ""));
        }
        return Optional.empty();
    }

    private static Path sibling(Path file, String suffix, String other) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - suffix.length()) + other);
    }

    private static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }
}
