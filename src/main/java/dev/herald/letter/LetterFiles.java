package dev.herald.letter;

import dev.herald.files.ObjectStore;
import dev.herald.notification.LetterOriginals;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A letter's files in the object store, under its expiry day so that a day's files go with that
 * day's partition: {@code letters/<expiry day>/<id>/rendered.pdf} for a templated letter, and
 * {@code original.pdf} and {@code sanitised.pdf} for a precompiled one.
 */
@Component
public class LetterFiles implements LetterOriginals {

  /** The kinds of file a letter has, each its own object. */
  public enum Kind {
    RENDERED("rendered.pdf"),
    ORIGINAL("original.pdf"),
    SANITISED("sanitised.pdf");

    private final String name;

    Kind(String name) {
      this.name = name;
    }
  }

  private final ObjectStore store;

  LetterFiles(ObjectStore store) {
    this.store = store;
  }

  /** The folder of every letter that expires on {@code expiresOn}. */
  public static String folder(LocalDate expiresOn) {
    return "letters/" + expiresOn;
  }

  static String key(LocalDate expiresOn, UUID id, Kind kind) {
    return folder(expiresOn) + "/" + id + "/" + kind.name;
  }

  @Override
  public void store(LocalDate expiresOn, UUID notificationId, byte[] pdf) {
    put(expiresOn, notificationId, Kind.ORIGINAL, pdf);
  }

  void put(LocalDate expiresOn, UUID id, Kind kind, byte[] pdf) {
    store.put(key(expiresOn, id, kind), pdf);
  }

  /**
   * The file to print: a templated letter's rendering or a precompiled letter's sanitised copy;
   * empty when neither is there.
   */
  public Optional<byte[]> printable(LocalDate expiresOn, UUID id) {
    Optional<byte[]> rendered = get(expiresOn, id, Kind.RENDERED);
    return rendered.isPresent() ? rendered : get(expiresOn, id, Kind.SANITISED);
  }

  /**
   * Copies a letter's files into another expiry day's folder, when its personal data moves to that
   * day; the files under the old day go with it.
   */
  public void copyToDay(UUID id, LocalDate from, LocalDate to) {
    for (Kind kind : Kind.values()) {
      Optional<byte[]> file = get(from, id, kind);
      if (file.isPresent()) {
        put(to, id, kind, file.get());
      }
    }
  }

  /** Deletes a letter's files, when its personal data goes before its day's. */
  public void delete(LocalDate expiresOn, UUID id) {
    for (Kind kind : Kind.values()) {
      store.delete(key(expiresOn, id, kind));
    }
  }

  /** The file, or empty when it was never made or is gone. */
  public Optional<byte[]> get(LocalDate expiresOn, UUID id, Kind kind) {
    return store.get(key(expiresOn, id, kind));
  }
}
