package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.delivery.DeliveryRepository.Work;
import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationStatus;
import dev.herald.receipt.ProviderReceipt;
import dev.herald.receipt.Receipts;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.StoredNotifications;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A receipt that beats the record of its hand-over is kept, and applied once the record exists. */
class EarlyReceiptsIT extends ApiIT {

  @Autowired NotificationRepository notifications;
  @Autowired DeliveryRepository deliveries;
  @Autowired HandOver handOver;
  @Autowired Receipts receipts;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  private Work createdNotification() {
    StoredNotifications stored = new StoredNotifications(herald, notifications, jdbc, tx);
    UUID id = stored.createdNotQueued(stored.owner());
    // What a run holds: only the id matters to the hand-over.
    return new Work(
        id,
        null,
        null,
        0,
        "normal",
        "sms",
        NotificationStatus.CREATED,
        false,
        null,
        null,
        null,
        null,
        null,
        false);
  }

  private String statusOf(UUID id) {
    return jdbc.sql("SELECT status FROM notifications WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  @Test
  void appliesAReceiptThatCameBeforeTheHandOverWasRecorded() {
    Work work = createdNotification();
    String reference = "early-" + UUID.randomUUID();

    assertThat(
            receipts.apply(
                new ProviderReceipt(
                    "early-provider", reference, NotificationStatus.DELIVERED, Instant.now())))
        .isEmpty();
    handOver.handedOver(
        work,
        NotificationStatus.SENDING,
        "early-provider",
        reference,
        1,
        Optional.empty(),
        Deliverer.NO_CLAIM);

    assertThat(statusOf(work.id())).isEqualTo("delivered");
    assertThat(
            jdbc.sql("SELECT count(*) FROM early_receipts WHERE reference = :r")
                .param("r", reference)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theSweepAppliesAKeptReceiptOnceItsNotificationIsKnown() {
    Work work = createdNotification();
    String reference = "swept-" + UUID.randomUUID();
    receipts.apply(
        new ProviderReceipt(
            "early-provider", reference, NotificationStatus.PERMANENT_FAILURE, Instant.now()));
    jdbc.sql(
            "UPDATE notifications SET status = 'sending', sent_by = 'early-provider', reference = :r WHERE id = :id")
        .param("r", reference)
        .param("id", work.id())
        .update();

    clock.set(Instant.now().plus(Duration.ofSeconds(10)));
    assertThat(receipts.sweepEarly()).isGreaterThanOrEqualTo(1);

    assertThat(statusOf(work.id())).isEqualTo("permanent-failure");
  }

  @Test
  void forgetsKeptReceiptsAfterADay() {
    String reference = "never-" + UUID.randomUUID();
    receipts.apply(
        new ProviderReceipt(
            "early-provider", reference, NotificationStatus.DELIVERED, Instant.now()));
    clock.set(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60));
    receipts.sweepEarly();
    assertThat(
            jdbc.sql("SELECT count(*) FROM early_receipts WHERE reference = :r")
                .param("r", reference)
                .query(Long.class)
                .single())
        .isZero();
  }
}
