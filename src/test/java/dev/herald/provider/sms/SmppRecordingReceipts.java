package dev.herald.provider.sms;

import dev.herald.receipt.InboundMessage;
import dev.herald.receipt.ProviderReceipt;
import dev.herald.receipt.ReceiptSink;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a provider reports back, in place of the database-backed receipts. */
final class SmppRecordingReceipts implements ReceiptSink {

  final List<ProviderReceipt> applied = new CopyOnWriteArrayList<>();
  final List<InboundMessage> received = new CopyOnWriteArrayList<>();
  volatile RuntimeException failure;

  /** How many receipts to answer as changing nothing, as before the hand-over is recorded. */
  final AtomicInteger changeNothing = new AtomicInteger();

  @Override
  public Optional<UUID> apply(ProviderReceipt receipt) {
    failIfAsked();
    if (changeNothing.getAndDecrement() > 0) {
      return Optional.empty();
    }
    applied.add(receipt);
    return Optional.of(UUID.randomUUID());
  }

  @Override
  public Optional<UUID> receive(InboundMessage message) {
    failIfAsked();
    received.add(message);
    return Optional.of(UUID.randomUUID());
  }

  private void failIfAsked() {
    if (failure != null) {
      throw failure;
    }
  }
}
