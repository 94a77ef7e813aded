package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notification.Notification;
import dev.herald.notification.NotificationRepository;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.StoredNotifications;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** API sends are not queued behind bulk work: the executor takes the API lane first. */
class PriorityLaneIT extends ApiIT {

  private static final int BULK = 2_000;

  @Autowired NotificationRepository notifications;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  private Instant sentAt(UUID id) {
    return jdbc.sql("SELECT sent_at FROM notifications WHERE id = :id")
        .param("id", id)
        .query(OffsetDateTime.class)
        .single()
        .toInstant();
  }

  @Test
  void deliversAnApiSendAheadOfABulkBacklogQueuedBeforeIt() {
    StoredNotifications stored = new StoredNotifications(herald, notifications, jdbc, tx);
    StoredNotifications.Owner owner = stored.owner();
    UUID service = owner.service();
    List<UUID> bulk = new ArrayList<>();
    List<UUID> api = new ArrayList<>();
    stored.queue(
        queue -> {
          Instant now = Instant.now();
          for (int i = 0; i < BULK; i++) {
            Notification n = StoredNotifications.aCreatedSms(owner, now);
            queue.store(n, NotificationRepository.PRIORITY_BULK);
            bulk.add(n.id());
          }
          Notification n = StoredNotifications.aCreatedSms(owner, now.plusMillis(1));
          queue.store(n, NotificationRepository.PRIORITY_API);
          api.add(n.id());
        });

    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM notifications WHERE service_id = :s AND sent_at IS NULL")
                        .param("s", service)
                        .query(Long.class)
                        .single()
                    == 0);

    Instant apiSent = sentAt(api.getFirst());
    long bulkBefore = bulk.stream().filter(id -> sentAt(id).isBefore(apiSent)).count();
    // Queued first, FIFO would hand over all BULK before it. By priority it is in the first batch
    // the executor fetches (at most 3 x threads = 768 at once), however long the bulk backlog.
    assertThat(bulkBefore)
        .as("bulk notifications handed over before the API one")
        .isLessThan(BULK / 2);
  }
}
