package dev.herald.receipt;

import dev.herald.inbound.InboundListener;
import dev.herald.inbound.InboundSms;
import dev.herald.inbound.InboundSmsRepository;
import dev.herald.notification.NotificationStatus;
import dev.herald.notification.StatusListener;
import dev.herald.recipient.PhoneNumbers;
import dev.herald.support.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where providers report back: delivery receipts become status changes along the allowed
 * transitions only (a duplicate, late or unknown receipt is a logged no-op), and received texts are
 * stored for the service that owns the number.
 */
@Component
public class Receipts implements ReceiptSink {

  /** How long a receipt that matched nothing is kept in case its hand-over is recorded late. */
  static final Duration EARLY_RECEIPTS_KEPT = Duration.ofDays(1);

  private static final Logger log = LoggerFactory.getLogger(Receipts.class);

  private final ReceiptRepository repository;
  private final InboundSmsRepository inbound;
  private final List<StatusListener> listeners;
  private final List<InboundListener> inboundListeners;
  private final Clock clock;

  Receipts(
      ReceiptRepository repository,
      InboundSmsRepository inbound,
      List<StatusListener> listeners,
      List<InboundListener> inboundListeners,
      Clock clock) {
    this.repository = repository;
    this.inbound = inbound;
    this.listeners = listeners;
    this.inboundListeners = inboundListeners;
    this.clock = clock;
  }

  /**
   * Applies a receipt; answers the notification it changed, or empty when it changed nothing. A
   * receipt for a reference no notification has yet is kept: its hand-over may not be recorded yet
   * (see {@link #applyEarly}).
   */
  @Override
  @Transactional
  public Optional<UUID> apply(ProviderReceipt receipt) {
    Optional<UUID> changed = transition(receipt);
    if (changed.isEmpty() && !repository.known(receipt)) {
      repository.keepEarly(receipt, clock.instant());
      log.info(
          "Receipt from {} for reference {} came before its hand-over was recorded; kept",
          receipt.provider(),
          receipt.reference());
    } else if (changed.isEmpty()) {
      log.info(
          "Receipt from {} for reference {} with status {} changed nothing (duplicate or late)",
          receipt.provider(),
          receipt.reference(),
          receipt.status().value());
    }
    return changed;
  }

  /**
   * Applies the receipts that came before these hand-overs were recorded (parallel lists of
   * providers and their references); in the hand-overs' transaction.
   */
  @Transactional
  public void applyEarly(List<String> providers, List<String> references) {
    repository.takeEarly(providers, references).forEach(this::transition);
  }

  /**
   * Applies kept receipts whose notification has since been recorded, and forgets those kept for
   * longer than {@link #EARLY_RECEIPTS_KEPT}; answers how many it applied.
   */
  @Transactional
  public int sweepEarly() {
    Instant now = clock.instant();
    repository.dropEarlyReceivedBefore(now.minus(EARLY_RECEIPTS_KEPT));
    int applied = 0;
    for (ProviderReceipt receipt : repository.early(now.minusSeconds(5), 1_000)) {
      if (repository.known(receipt)) {
        applied += transition(receipt).isPresent() ? 1 : 0;
        repository.forgetEarly(receipt);
      }
    }
    return applied;
  }

  private Optional<UUID> transition(ProviderReceipt receipt) {
    Optional<UUID> changed = repository.transition(receipt);
    if (changed.isPresent() && receipt.status() != NotificationStatus.PENDING) {
      listeners.forEach(l -> l.statusChanged(changed.get()));
    }
    return changed;
  }

  /** Stores a received text for the service whose inbound number it was sent to. */
  @Override
  @Transactional
  public Optional<UUID> receive(InboundMessage message) {
    String number = PhoneNumbers.normaliseForComparison(message.destinationNumber());
    Optional<UUID> service =
        repository.serviceWithInboundNumber(message.destinationNumber(), number);
    if (service.isEmpty()) {
      log.info("Inbound message from {} for a number no service has; dropped", message.provider());
      return Optional.empty();
    }
    UUID id = Ids.timeOrdered();
    inbound.insert(
        new InboundSms(
            id,
            service.get(),
            message.destinationNumber(),
            PhoneNumbers.normaliseForComparison(message.sourceNumber()),
            message.content(),
            message.provider(),
            message.providerReference(),
            message.receivedAt(),
            clock.instant()));
    inboundListeners.forEach(l -> l.received(id));
    return Optional.of(id);
  }
}
