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
    Instant updatedAt,
    Welsh welsh) {

  /** A bilingual letter's Welsh subject and content, printed before the English ones. */
  public record Welsh(String subject, String content) {}

  /** A template in one language. */
  public Template(
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
    this(
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
        version,
        createdBy,
        createdAt,
        updatedAt,
        null);
  }

  /** {@code letter_languages}: {@code welsh_then_english} for a bilingual letter, else null. */
  public String letterLanguages() {
    return welsh == null ? null : "welsh_then_english";
  }

  public Template edited(
      String name,
      String subject,
      String content,
      String letterContactBlock,
      String postage,
      Welsh welsh,
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
        now,
        welsh);
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
        now,
        welsh);
  }
}
