package dev.tinyj.emulator.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The cause of a file error in words: {@code java.nio} reports most of them with the path as the
 * whole message ({@code NoSuchFileException: /x/y.json}), which tells a user nothing they did not
 * type.
 */
final class IoErrors {
    private IoErrors() {
    }

    /** What went wrong, e.g. "no such file or directory (/tmp/nope/x.json)". */
    static String describe(IOException e) {
        String what = switch (e) {
            case NoSuchFileException n -> "no such file or directory";
            case AccessDeniedException d -> "permission denied";
            case NotDirectoryException d -> "a part of the path is not a directory";
            case FileAlreadyExistsException f -> "already exists";
            case DirectoryNotEmptyException d -> "directory not empty";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return e instanceof FileSystemException f && f.getFile() != null && !what.contains(f.getFile())
                ? what + " (" + f.getFile() + ")" : what;
    }
}
