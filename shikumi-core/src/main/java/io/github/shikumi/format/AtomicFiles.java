package io.github.shikumi.format;

import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file completely or not at all: to a temporary file beside it, then an atomic move. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Fails with a clear message when the file's folder does not exist, or (unless {@code force}) the file does. */
    public static void checkWritable(Path target, boolean force) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ShikumiException(target.toString(), Msg.FILE_DIR_MISSING, String.valueOf(dir));
        }
        if (!force && Files.exists(target)) {
            throw new ShikumiException(target.toString(), Msg.FILE_EXISTS);
        }
    }

    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path newTempFile(Path dir, Path target) throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(random.nextLong()) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    public static void write(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ShikumiException(target.toString(), Msg.FILE_DIR_MISSING, String.valueOf(dir));
        }
        Path tmp = null;
        try {
            // not Files.createTempFile: its files are private (0600), and the moved file would keep that mode;
            // a plain new file gets the user's usual permissions (umask), like any file the user writes
            tmp = newTempFile(dir, target);
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new ShikumiException(target.toString(), Msg.FILE_NOT_WRITABLE, String.valueOf(e.getMessage()));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is all that is left; nothing of the user's is lost
                }
            }
        }
    }
}
