package kz.adal.media.store;

import kz.adal.media.MediaError;
import kz.adal.media.MediaException;
import kz.adal.media.RecordingStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Recording storage in a local directory (the default; a mounted volume in production).
 *
 * <p>Durability: {@link #write} goes to a temporary file in the target directory, is fsynced (policy
 * {@link FsyncPolicy#ALWAYS}), then atomically renamed over the key and the directory is fsynced, so a
 * reader or a crash sees the old object or the new one, never a torn one. Chunks are objects of their
 * own, never appended.
 */
public final class LocalRecordingStorage implements RecordingStorage {

    /** When to force bytes to the disk. */
    public enum FsyncPolicy {
        /** fsync file and directory on every write and append: acknowledged chunks survive a power cut. */
        ALWAYS,
        /** Leave flushing to the OS (tests, scratch space). */
        NEVER
    }

    private final Path root;
    private final FsyncPolicy fsync;

    public LocalRecordingStorage(Path root, FsyncPolicy fsync) {
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Cannot use storage root " + root, e);
        }
        this.fsync = fsync;
    }

    public LocalRecordingStorage(Path root) {
        this(root, FsyncPolicy.ALWAYS);
    }

    public Path root() {
        return root;
    }

    /** The file for a key; refuses anything that would resolve outside the root. */
    Path pathOf(String key) {
        RecordingStorage.requireValidKey(key);
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) { // defence in depth: the pattern already forbids ..
            throw new MediaException(MediaError.INVALID_KEY, "Key leaves the storage root: " + key);
        }
        return path;
    }

    @Override
    public void write(String key, byte[] data) {
        writeAtomically(key, tmp -> Files.write(tmp, data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    @Override
    public void write(String key, Path source) {
        writeAtomically(key, tmp -> Files.copy(source, tmp));
    }

    private interface TempWriter {
        void writeTo(Path tmp) throws IOException;
    }

    private void writeAtomically(String key, TempWriter writer) {
        Path target = pathOf(key);
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            // a leading dot can never be a valid key segment, so list() never sees temp files
            tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
            writer.writeTo(tmp);
            if (fsync == FsyncPolicy.ALWAYS) {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            syncDirectory(target.getParent());
        } catch (IOException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Cannot write " + key + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; temp files are invisible to list()
                }
            }
        }
    }

    private void syncDirectory(Path dir) {
        if (fsync != FsyncPolicy.ALWAYS) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse to open directories; the file itself is already forced
        }
    }

    @Override
    public byte[] read(String key, long offset, int length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        Path path = pathOf(key);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long available = Math.max(0, ch.size() - offset);
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(length, available));
            long pos = offset;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    break;
                }
                pos += n;
            }
            return buf.position() == buf.capacity() ? buf.array() : java.util.Arrays.copyOf(buf.array(), buf.position());
        } catch (NoSuchFileException e) {
            throw notFound(key);
        } catch (IOException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(pathOf(key));
        } catch (NoSuchFileException e) {
            throw notFound(key);
        } catch (IOException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Cannot open " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long size(String key) {
        try {
            return Files.size(pathOf(key));
        } catch (NoSuchFileException e) {
            throw notFound(key);
        } catch (IOException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Cannot stat " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Cannot delete " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        RecordingStorage.requireValidPrefix(prefix);
        int slash = prefix.lastIndexOf('/');
        Path dir = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (key.startsWith(prefix) && RecordingStorage.Keys.KEY.matcher(key).matches()) {
                    keys.add(key);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Cannot list " + prefix + ": " + e.getMessage(), e);
        }
        keys.sort(null);
        return keys;
    }

    private static MediaException notFound(String key) {
        return new MediaException(MediaError.NOT_FOUND, "No such recording object: " + key);
    }
}
