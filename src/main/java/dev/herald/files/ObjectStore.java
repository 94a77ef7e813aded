package dev.herald.files;

import java.util.List;
import java.util.Optional;

/** Where Herald keeps files (letter PDFs), by key: {@code letters/2026-12-09/<id>/rendered.pdf}. */
public interface ObjectStore {

  /** Stores the object whole, replacing one with the same key. */
  void put(String key, byte[] content);

  /** The object, or empty when there is none. */
  Optional<byte[]> get(String key);

  /** Deletes the object; an absent one is not an error. */
  void delete(String key);

  /** Deletes every object under {@code folder + "/"}; answers how many. */
  int deleteFolder(String folder);

  /** The keys that start with {@code prefix}, sorted. */
  List<String> list(String prefix);
}
