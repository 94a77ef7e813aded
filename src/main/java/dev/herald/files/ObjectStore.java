package dev.herald.files;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Where Herald keeps files (letter PDFs), by key: {@code letters/2026-12-09/<id>/rendered.pdf}.
 * Keys are segments of {@code [A-Za-z0-9._-]} separated by {@code /} (none empty, none {@code .} or
 * {@code ..}, 512 characters at most); another key is an {@link IllegalArgumentException}. A
 * failure of the store itself is an {@link ObjectStoreException}; an absent object never is.
 */
public interface ObjectStore {

  /** Stores the object whole, replacing one with the same key: a reader sees all of it or none. */
  void put(String key, byte[] content);

  /**
   * Stores the object as {@link #put(String, byte[])} does, read from {@code content} as it is sent
   * ({@code length} bytes), so that a large one (an uploaded file of a million rows) is never whole
   * in memory. The caller closes the stream; a failure to read it is an {@link
   * ObjectStoreException}, and nothing is stored.
   */
  void put(String key, InputStream content, long length);

  /** The object, or empty when there is none. */
  Optional<byte[]> get(String key);

  /**
   * The object as a stream read from the store as it is consumed, so that a large one (a job's file
   * of a million rows) is never whole in memory; empty when there is none. The caller closes it. A
   * failure to read after it is opened is an {@link java.io.IOException} of the stream.
   */
  Optional<InputStream> open(String key);

  /** Deletes the object; an absent one is not an error. */
  void delete(String key);

  /** Deletes every object whose key starts with {@code folder + "/"}; answers how many. */
  int deleteFolder(String folder);

  /** The keys that start with {@code prefix} (the start of a key, or empty for all), sorted. */
  List<String> list(String prefix);
}
