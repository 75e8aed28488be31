package io.github.shikumi.format;

import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file completely or not at all: to a temporary file beside it, forced to the disk, then an atomic
 * move (and the folder forced too). Only a regular file is ever replaced: a symbolic link, a device, a FIFO
 * or a folder at the target is refused even with {@code force}, so {@code --out /dev/sda --force} cannot
 * replace a device and a link cannot redirect the write. Temporary files are removed on every exit path:
 * on errors at once, on Ctrl+C or SIGTERM by a shutdown hook, and those a kill -9 left behind by the next
 * write to the same file.
 */
public final class AtomicFiles {
    /** Temporary files being written now, removed by the shutdown hook if the JVM is stopped meanwhile. */
    private static final java.util.Set<Path> PENDING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : PENDING) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // stopping anyway; the next write to the same file removes it
                }
            }
        }, "shikumi-temp-files"));
    }

    private AtomicFiles() {
    }

    /**
     * Fails with a clear message when the name is empty, the file's folder does not exist, the target is not a
     * regular file (a link, device, FIFO or folder: refused even with {@code force}), or (unless {@code force})
     * the file exists.
     *
     * @param target the file to be written
     * @param force  true to allow replacing an existing regular file
     * @throws ShikumiException naming {@code target}: {@link Msg#FILE_NAME_EMPTY}, {@link Msg#FILE_DIR_MISSING},
     *                          {@link Msg#FILE_NOT_REGULAR} or {@link Msg#FILE_EXISTS}
     */
    public static void checkWritable(Path target, boolean force) {
        if (target.toString().isEmpty() || target.getFileName() == null) {
            throw new ShikumiException(target.toString(), Msg.FILE_NAME_EMPTY);
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ShikumiException(target.toString(), Msg.FILE_DIR_MISSING, String.valueOf(dir));
        }
        checkRegular(target);
        if (!force && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new ShikumiException(target.toString(), Msg.FILE_EXISTS);
        }
    }

    /** Refuses a target that exists and is not a regular file (not following links). */
    private static void checkRegular(Path target) {
        java.nio.file.LinkOption noFollow = java.nio.file.LinkOption.NOFOLLOW_LINKS;
        if (!Files.exists(target, noFollow) || Files.isRegularFile(target, noFollow)) {
            return;
        }
        throw new ShikumiException(target.toString(), Msg.FILE_NOT_REGULAR);
    }

    /** Removes temporary files a killed earlier write to {@code target} left beside it. */
    private static void removeLeftovers(Path dir, Path target) {
        String prefix = "." + target.getFileName() + ".";
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".tmp")
                        && p.getFileName().toString().substring(prefix.length()).matches("[0-9a-f]{1,16}\\.tmp"))) {
            for (Path p : ds) {
                if (!PENDING.contains(p) && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // only tidying up
        }
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target}, completely or not at all (see {@link #write(Path, byte[])}).
     *
     * @param target the file; an existing regular file there is replaced
     * @param text   the file's new content
     * @throws ShikumiException naming {@code target}, as {@link #write(Path, byte[])}
     */
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

    /**
     * Writes {@code bytes} to {@code target}, completely or not at all: a temporary file beside it, forced to
     * the disk, then moved over the target. Does not check {@code force}: call {@link #checkWritable} first.
     *
     * @param target the file; an existing regular file there is replaced
     * @param bytes  the file's new content
     * @throws ShikumiException naming {@code target}: {@link Msg#FILE_NAME_EMPTY}, {@link Msg#FILE_DIR_MISSING},
     *                          {@link Msg#FILE_NOT_REGULAR} when the target is not a regular file, or
     *                          {@link Msg#FILE_NOT_WRITABLE} when writing or moving fails
     */
    public static void write(Path target, byte[] bytes) {
        if (target.toString().isEmpty() || target.getFileName() == null) {
            throw new ShikumiException(target.toString(), Msg.FILE_NAME_EMPTY);
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ShikumiException(target.toString(), Msg.FILE_DIR_MISSING, String.valueOf(dir));
        }
        checkRegular(target);
        removeLeftovers(dir, target);
        Path tmp = null;
        try {
            // not Files.createTempFile: its files are private (0600), and the moved file would keep that mode;
            // a plain new file gets the user's usual permissions (umask), like any file the user writes
            tmp = newTempFile(dir, target);
            PENDING.add(tmp);
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true); // on the disk before the move makes it the file: a crash leaves old or new, never half
            }
            checkRegular(target); // nothing replaced the target with a link meanwhile
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            PENDING.remove(tmp);
            tmp = null;
            forceFolder(dir);
        } catch (IOException e) {
            throw new ShikumiException(target.toString(), Msg.FILE_NOT_WRITABLE, String.valueOf(e.getMessage()));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is all that is left; nothing of the user's is lost
                }
                PENDING.remove(tmp);
            }
        }
    }

    /** Forces the folder's entry for the moved file to the disk, where the system allows it (not on Windows). */
    private static void forceFolder(Path dir) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every system lets a folder be opened; the file itself is on the disk
        }
    }
}
