package dev.herald.receipt;

import java.util.Optional;
import java.util.UUID;

/** Where a provider hands what it hears back: delivery receipts and received texts. */
public interface ReceiptSink {

  /** Applies a receipt; answers the notification it changed, or empty when it changed nothing. */
  Optional<UUID> apply(ProviderReceipt receipt);

  /** Stores a received text; answers its id, or empty when no service owns the number. */
  Optional<UUID> receive(InboundMessage message);
}
