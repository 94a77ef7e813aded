package dev.herald.letter;

import dev.herald.recipient.PostalAddress;
import java.util.List;

/**
 * What checking a precompiled letter found, as template-preview reports it (notify-letters.md §1.2,
 * §2.2).
 *
 * @param message Notify's reason code verbatim, such as {@code letter-too-long}, or null when the
 *     letter passed
 * @param invalidPages the 1-based pages that failed, or null where Notify gives none (an unreadable
 *     file, a letter too long, a letter that passed)
 * @param pageCount the number of pages, or 0 when the file could not be read
 * @param address the recipient's address read from the address window, when the letter passed
 * @param sanitised the rewritten PDF to print, when the letter passed
 */
public record PrecompiledOutcome(
    String message,
    List<Integer> invalidPages,
    int pageCount,
    PostalAddress address,
    byte[] sanitised) {

  static final String UNABLE_TO_READ = "unable-to-read-the-file";

  static PrecompiledOutcome unreadable() {
    return new PrecompiledOutcome(UNABLE_TO_READ, null, 0, null, null);
  }

  static PrecompiledOutcome failed(String message, List<Integer> invalidPages, int pageCount) {
    return new PrecompiledOutcome(
        message, invalidPages == null ? null : List.copyOf(invalidPages), pageCount, null, null);
  }

  static PrecompiledOutcome passed(int pageCount, PostalAddress address, byte[] sanitised) {
    return new PrecompiledOutcome(null, null, pageCount, address, sanitised);
  }

  /** Whether the letter can be printed: no reason was found to refuse it. */
  public boolean passed() {
    return message == null;
  }
}
