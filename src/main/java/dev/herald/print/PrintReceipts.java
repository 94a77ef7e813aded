package dev.herald.print;

import java.util.Optional;
import java.util.UUID;

/**
 * Where print providers report back. A receipt moves a letter along the allowed transitions only
 * ({@code sending} → {@code delivered} or {@code technical-failure}); a duplicate, late or unknown
 * one is a logged no-op, and one that comes before its hand-over is recorded is kept until it is.
 * The service's callback is queued with the change.
 */
public interface PrintReceipts {

  /** Applies a receipt naming the letter by its reference; the letter changed, if any. */
  Optional<UUID> apply(PrintReceipt receipt);

  /**
   * Applies a receipt naming the letter by its id (DVLA's {@code jobId}), with the provider, status
   * and time of {@code receipt} (its reference is ignored); the letter changed, if any.
   */
  Optional<UUID> applyById(UUID notificationId, PrintReceipt receipt);
}
