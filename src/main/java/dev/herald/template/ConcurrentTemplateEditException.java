package dev.herald.template;

import dev.herald.api.ApiException;
import java.util.UUID;

/** Two edits of one template raced; the later one is answered 409 and may be retried. */
public class ConcurrentTemplateEditException extends ApiException {

  public ConcurrentTemplateEditException(UUID id) {
    super(409, "BadRequestError", "Template " + id + " was changed by another request; try again");
  }
}
