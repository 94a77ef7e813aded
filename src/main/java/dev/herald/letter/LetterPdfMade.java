package dev.herald.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A letter's PDF was made and stored, published after its pages were recorded: the outbox lists it.
 * {@code address} and {@code subject} are personal data, for the outbox page only.
 */
public record LetterPdfMade(
    UUID notificationId,
    LocalDate expiresOn,
    List<String> address,
    String subject,
    int pages,
    String status,
    Instant at) {

  @Override
  public String toString() {
    return "LetterPdfMade[" + notificationId + "]";
  }
}
