package dev.herald.notification;

import java.time.LocalDate;
import java.util.UUID;

/** Where a precompiled letter's PDF is kept, as it was sent, before the letter is stored. */
public interface LetterOriginals {

  /** Stores the PDF; a store out of reach throws, and the letter is then not accepted. */
  void store(LocalDate expiresOn, UUID notificationId, byte[] pdf);
}
