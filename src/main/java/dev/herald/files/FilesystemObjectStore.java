package dev.herald.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Objects as files under a directory, each written to a temporary file beside it, forced to disk
 * and moved into place atomically: a reader sees the whole object or none.
 */
class FilesystemObjectStore implements ObjectStore {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
  private static final int MAX_KEY = 512;

  private final Path root;

  FilesystemObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  @Override
  public void put(String key, byte[] content) {
    Path target = path(key);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".put-", ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(content));
        channel.force(true);
      }
      move(temporary, target);
    } catch (IOException e) {
      throw new ObjectStoreException("could not store " + key + " under " + root, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(Files.readAllBytes(path(key)));
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ObjectStoreException("could not read " + key + " under " + root, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(path(key));
    } catch (IOException e) {
      throw new ObjectStoreException("could not delete " + key + " under " + root, e);
    }
  }

  @Override
  public int deleteFolder(String folder) {
    Path directory = path(folder);
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> tree = Files.walk(directory)) {
      List<Path> deepestFirst = tree.sorted(Comparator.reverseOrder()).toList();
      int objects = 0;
      for (Path p : deepestFirst) {
        if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".put-")) {
          objects++;
        }
        Files.delete(p);
      }
      return objects;
    } catch (IOException e) {
      throw new ObjectStoreException("could not delete " + folder + " under " + root, e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> tree = Files.walk(root)) {
      List<String> keys = new ArrayList<>();
      tree.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(".put-"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(k -> k.startsWith(prefix))
          .sorted()
          .forEach(keys::add);
      return keys;
    } catch (IOException e) {
      throw new ObjectStoreException("could not list " + prefix + " under " + root, e);
    }
  }

  private Path path(String key) {
    ObjectKeys.check(key);
    return root.resolve(key);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Keys of objects: segments of letters, digits, dots, dashes and underscores. */
  static final class ObjectKeys {

    private ObjectKeys() {}

    static void check(String key) {
      if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
        throw new IllegalArgumentException("an object key has 1 to " + MAX_KEY + " characters");
      }
      for (String segment : key.split("/", -1)) {
        if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
          throw new IllegalArgumentException("not an object key: " + key);
        }
      }
    }
  }
}
