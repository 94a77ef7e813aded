package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notification.Notification;
import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationStatus;
import dev.herald.notification.PersonalData;
import dev.herald.support.Ids;
import dev.herald.testdata.ApiIT;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

  private Notification notification(UUID service, UUID template, UUID key, Instant now) {
    return new Notification(
        Ids.timeOrdered(),
        service,
        template,
        1,
        key,
        "normal",
        "sms",
        NotificationStatus.CREATED,
        null,
        0,
        false,
        "44",
        null,
        LocalDate.now().plusDays(7),
        now,
        null,
        null);
  }

  private Instant sentAt(UUID id) {
    return jdbc.sql("SELECT sent_at FROM notifications WHERE id = :id")
        .param("id", id)
        .query(OffsetDateTime.class)
        .single()
        .toInstant();
  }

  @Test
  void deliversAnApiSendAheadOfABulkBacklogQueuedBeforeIt() {
    UUID service = herald.liveService();
    UUID template = herald.template(service, "sms", null, "Hello");
    UUID key =
        UUID.fromString(
            herald
                .adminOk(
                    "POST",
                    "/admin/services/" + service + "/api-keys",
                    java.util.Map.of("name", "lane", "key_type", "normal"))
                .get("id")
                .asString());
    PersonalData personal = new PersonalData("07700900123", "447700900123", "{}", null, null);
    List<UUID> bulk = new ArrayList<>();
    UUID api =
        tx.execute(
            status -> {
              Instant now = Instant.now();
              for (int i = 0; i < BULK; i++) {
                Notification n = notification(service, template, key, now);
                notifications.insert(n, personal, NotificationRepository.PRIORITY_BULK);
                bulk.add(n.id());
              }
              Notification n = notification(service, template, key, now.plusMillis(1));
              notifications.insert(n, personal, NotificationRepository.PRIORITY_API);
              return n.id();
            });

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM notifications WHERE service_id = :s AND sent_at IS NULL")
                        .param("s", service)
                        .query(Long.class)
                        .single()
                    == 0);

    Instant apiSent = sentAt(api);
    long bulkBefore = bulk.stream().filter(id -> sentAt(id).isBefore(apiSent)).count();
    // Queued first, FIFO would hand over all BULK before it. By priority it is in the first batch
    // the executor fetches (at most 3 x threads = 768 at once), however long the bulk backlog.
    assertThat(bulkBefore)
        .as("bulk notifications handed over before the API one")
        .isLessThan(BULK / 2);
  }
}
