package dev.herald.template;

import java.time.Instant;
import java.util.UUID;

/** One version of a template. */
public record Template(
    UUID id,
    UUID serviceId,
    String name,
    String type,
    String subject,
    String content,
    String letterContactBlock,
    String postage,
    boolean archived,
    boolean hidden,
    int version,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public Template edited(
      String name,
      String subject,
      String content,
      String letterContactBlock,
      String postage,
      Instant now) {
    return new Template(
        id,
        serviceId,
        name,
        type,
        subject,
        content,
        letterContactBlock,
        postage,
        archived,
        hidden,
        version + 1,
        createdBy,
        createdAt,
        now);
  }

  public Template archivedAt(Instant now) {
    return new Template(
        id,
        serviceId,
        name,
        type,
        subject,
        content,
        letterContactBlock,
        postage,
        true,
        hidden,
        version + 1,
        createdBy,
        createdAt,
        now);
  }
}
