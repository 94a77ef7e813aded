package dev.herald.files;

/** The store itself failed (disk, network, server): worth retrying. */
public class ObjectStoreException extends RuntimeException {

  public ObjectStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
