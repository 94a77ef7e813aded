package dev.herald.template;

import java.util.UUID;

/** Two edits of one template raced; the later one must be retried on the new version. */
public class ConcurrentTemplateEditException extends RuntimeException {

  public ConcurrentTemplateEditException(UUID id) {
    super("Template " + id + " was changed by another request; try again");
  }
}
