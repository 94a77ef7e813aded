package dev.herald.print;

import java.util.Map;
import java.util.UUID;

/**
 * What a print provider answered for a batch it took.
 *
 * @param rejected the letters it refused for good (or that had no PDF), each with a reason for the
 *     log (no personal data); every other letter of the batch was taken
 */
public record PrintOutcome(Map<UUID, String> rejected) {

  public PrintOutcome {
    rejected = Map.copyOf(rejected);
  }

  /** Every letter taken. */
  public static PrintOutcome allTaken() {
    return new PrintOutcome(Map.of());
  }
}
