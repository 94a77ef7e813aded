package dev.herald.files;

/**
 * The store itself failed (disk, network, server, timeout): worth retrying; its message names the
 * key, never the object's content.
 */
public class ObjectStoreException extends RuntimeException {

  public ObjectStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
