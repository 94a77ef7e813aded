package dev.herald.notification;

import dev.herald.api.DatabaseOutage;
import dev.herald.auth.KeyType;
import dev.herald.limit.DailyLimiter;
import dev.herald.notification.NotificationRepository.Queued;
import dev.herald.service.DataRetention;
import dev.herald.support.GroupCommit;
import dev.herald.support.WorkSignal;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The last step of a send: count it against the daily limits, store the notification with its
 * personal data (expiring by the service's retention) and delivery task, and wake the workers.
 *
 * <p>The sends of concurrent requests are stored together ({@link GroupCommit}): one statement and
 * one commit for all the requests that arrive while the previous batch is being stored. Each
 * request still answers only after its own notification is committed. If a batch fails, its sends
 * are stored one by one, so that one bad row fails only its own request, unless the database is out
 * of reach ({@link DatabaseOutage}): then every send of the batch fails at once.
 */
@Component
class SendStore implements DisposableBean {

  /** Sends stored at once, at most, and batches stored at once. */
  static final int BATCH = 200;

  static final int BATCH_THREADS = 2;

  private final DailyLimiter dailyLimiter;
  private final DataRetention retention;
  private final NotificationRepository notifications;
  private final WorkSignal workSignal;
  private final ObjectMapper json;
  private final Clock clock;
  private final GroupCommit<Queued, Optional<RuntimeException>> batches;

  SendStore(
      DailyLimiter dailyLimiter,
      DataRetention retention,
      NotificationRepository notifications,
      WorkSignal workSignal,
      ObjectMapper json,
      Clock clock,
      MeterRegistry meters) {
    this.dailyLimiter = dailyLimiter;
    this.retention = retention;
    this.notifications = notifications;
    this.workSignal = workSignal;
    this.json = json;
    this.clock = clock;
    this.batches =
        new GroupCommit<>(
            "send-store",
            BATCH_THREADS,
            BATCH,
            Duration.ofMinutes(1),
            meters,
            send -> false,
            this::storeBatch);
  }

  /**
   * Stores the send; {@code sender} is the reply-to text (a letter's contact block), {@code
   * postage} a letter's, else null.
   */
  void accept(UUID id, SendRequest request, Recipient recipient, String sender, String postage) {
    Instant now = clock.instant();
    // A test key's letter is never printed: it starts as sending (accepted), as in Notify.
    NotificationStatus status =
        "letter".equals(request.type()) && request.key().keyType() == KeyType.TEST
            ? NotificationStatus.SENDING
            : NotificationStatus.CREATED;
    store(
        request,
        recipient,
        queued(
            id,
            request,
            recipient,
            sender,
            postage,
            status,
            now,
            retention.expiresOn(request.service().id(), request.type(), now)));
  }

  /** The day a letter sent now expires on, which its files are kept under. */
  LocalDate letterExpiresOn(SendRequest request, Instant now) {
    return retention.expiresOn(request.service().id(), "letter", now);
  }

  /** Stores a precompiled letter, {@code pending-virus-check}, made at {@code now}. */
  void acceptPrecompiled(
      UUID id,
      SendRequest request,
      Recipient recipient,
      String postage,
      Instant now,
      LocalDate expiresOn) {
    store(
        request,
        recipient,
        queued(
            id,
            request,
            recipient,
            null,
            postage,
            NotificationStatus.PENDING_VIRUS_CHECK,
            now,
            expiresOn));
  }

  private void store(SendRequest request, Recipient recipient, Queued queued) {
    List<DailyLimiter.Taken> counted = countTowardsDailyLimits(request, recipient);
    // A failure answered for this send means its insert was rolled back; an exception from the
    // batch itself (a timeout) leaves it unknown, so the send stays counted: never over the limit.
    Optional<RuntimeException> failure = batches.submit(queued);
    if (failure.isPresent()) {
      giveBack(counted, failure.get());
      throw failure.get();
    }
  }

  /** Gives counted sends back; a failure to do so must not hide why the send failed. */
  private void giveBack(List<DailyLimiter.Taken> counted, RuntimeException cause) {
    for (DailyLimiter.Taken taken : counted) {
      try {
        dailyLimiter.giveBack(taken);
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  /** Stores a batch; answers, per send, its failure if it could not be stored. */
  List<Optional<RuntimeException>> storeBatch(List<Queued> batch) {
    List<Optional<RuntimeException>> outcomes = new ArrayList<>(batch.size());
    try {
      notifications.insertAll(batch);
      batch.forEach(q -> outcomes.add(Optional.empty()));
    } catch (RuntimeException e) {
      // In an outage each send alone would fail too, slowly, and might be stored after its
      // caller gave up: fail them all at once.
      if (batch.size() == 1 || DatabaseOutage.isOutage(e)) {
        return Collections.nCopies(batch.size(), Optional.of(e));
      }
      for (Queued one : batch) {
        try {
          notifications.insertAll(List.of(one));
          outcomes.add(Optional.empty());
        } catch (RuntimeException oneFailed) {
          outcomes.add(Optional.of(oneFailed));
        }
      }
    }
    workSignal.newDeliveries();
    if (batch.stream().anyMatch(q -> "letter".equals(q.notification().type()))) {
      workSignal.newWork();
    }
    return outcomes;
  }

  /** Counts the send under its type and, if international, under international_sms too. */
  private List<DailyLimiter.Taken> countTowardsDailyLimits(
      SendRequest request, Recipient recipient) {
    if (request.key().keyType() == KeyType.TEST) {
      return List.of();
    }
    List<DailyLimiter.Taken> counted = new ArrayList<>(2);
    try {
      if (recipient.international() && "sms".equals(request.type())) {
        counted.add(dailyLimiter.take(request.service(), "international_sms"));
      }
      counted.add(dailyLimiter.take(request.service(), request.type()));
      return counted;
    } catch (RuntimeException e) {
      giveBack(counted, e);
      throw e;
    }
  }

  private Queued queued(
      UUID id,
      SendRequest request,
      Recipient recipient,
      String sender,
      String postage,
      NotificationStatus status,
      Instant now,
      LocalDate expiresOn) {
    Notification notification =
        new Notification(
            id,
            request.service().id(),
            request.template().id(),
            request.template().version(),
            request.key().keyId(),
            request.key().keyType().value(),
            request.type(),
            status,
            request.text("reference"),
            0,
            recipient.international(),
            recipient.phonePrefix(),
            postage,
            expiresOn,
            now,
            null,
            null);
    PersonalData personal =
        new PersonalData(
            recipient.asSent(),
            recipient.normalised(),
            json.writeValueAsString(request.personalisation()),
            sender,
            request.text("one_click_unsubscribe_url"));
    return new Queued(notification, personal, NotificationRepository.PRIORITY_API);
  }

  @Override
  public void destroy() {
    batches.close();
  }
}
