package dev.herald.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Objects as files under a directory, each written to a temporary file beside it, forced to disk
 * and moved into place atomically: a reader sees the whole object or none.
 */
class FilesystemObjectStore implements ObjectStore {

  /** Temporary files start with a character no key has, so that no key names one. */
  private static final String TEMPORARY = "~put-";

  private final Path root;

  FilesystemObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  @Override
  public void put(String key, byte[] content) {
    store(key, temporary -> write(temporary, content));
  }

  @Override
  public void put(String key, InputStream content, long length) {
    store(
        key,
        temporary -> {
          long copied = Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
          if (copied != length) {
            throw new IOException("read " + copied + " bytes of " + length);
          }
          try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
          }
        });
  }

  /** Writes a temporary file beside the object's, then moves it in place: all or nothing. */
  private void store(String key, Writer writer) {
    Path target = path(key);
    Path directory = target.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, TEMPORARY, ".tmp");
      writer.write(temporary);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      force(directory);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw failure("store", key, e);
    }
  }

  private interface Writer {
    void write(Path temporary) throws IOException;
  }

  @Override
  public Optional<byte[]> get(String key) {
    Path file = path(key);
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        return Optional.empty(); // a folder is no object
      }
      throw failure("read", key, e);
    }
  }

  @Override
  public Optional<InputStream> open(String key) {
    Path file = path(key);
    if (Files.isDirectory(file)) {
      return Optional.empty(); // a folder is no object
    }
    try {
      return Optional.of(Files.newInputStream(file));
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public void delete(String key) {
    Path file = path(key);
    try {
      if (!Files.isDirectory(file)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw failure("delete", key, e);
    }
  }

  @Override
  public int deleteFolder(String folder) {
    Path directory = path(folder);
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> tree = Files.walk(directory)) {
      int objects = 0;
      for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
        if (Files.isRegularFile(each) && !isTemporary(each)) {
          objects++;
        }
        Files.delete(each);
      }
      return objects;
    } catch (IOException e) {
      throw failure("delete the folder", folder, e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    ObjectKeys.checkPrefix(prefix);
    Path start = root.resolve(prefix.substring(0, prefix.lastIndexOf('/') + 1));
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    try (Stream<Path> tree = Files.walk(start)) {
      return tree.filter(Files::isRegularFile)
          .filter(file -> !isTemporary(file))
          .map(file -> root.relativize(file).toString().replace('\\', '/'))
          .filter(key -> key.startsWith(prefix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw failure("list", prefix, e);
    }
  }

  private Path path(String key) {
    return root.resolve(ObjectKeys.check(key));
  }

  private static void write(Path file, byte[] content) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** Forces the directory's entries (the rename) to disk, so the object outlives a crash. */
  private static void force(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static boolean isTemporary(Path file) {
    return file.getFileName().toString().startsWith(TEMPORARY);
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // the failure being reported matters more; a stray temporary file is never listed
    }
  }

  private ObjectStoreException failure(String action, String key, IOException e) {
    return new ObjectStoreException(
        "could not %s %s under %s: %s".formatted(action, key, root, e), e);
  }
}
