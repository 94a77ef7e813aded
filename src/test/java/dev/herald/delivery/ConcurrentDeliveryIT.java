package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.notification.NotificationRepository;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.StoredNotifications;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A delivery run claims its notification, so a second run of the same task at once (a task revived
 * while the first still runs) sends nothing and tries again later.
 */
class ConcurrentDeliveryIT extends ApiIT {

  @Autowired NotificationRepository notifications;
  @Autowired Deliverer deliverer;
  @Autowired DeliveryRepository deliveries;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void aRunFindingAnotherRunsClaimSendsNothingAndRetriesLater() {
    UUID id = createdWithoutTask();
    Instant now = Instant.now();
    assertThat(deliveries.claim(List.of(id), now, now.plus(Deliverer.CLAIM)))
        .as("the other run's claim")
        .hasSize(1);

    assertThatThrownBy(() -> deliverer.deliver(id, Deliverer.NO_TASK))
        .isInstanceOf(ClaimedElsewhere.class);
    assertThat(outboxCopies(id)).isZero();

    clock.set(now.plus(Deliverer.CLAIM).plusSeconds(1)); // the other run died: its claim expired
    try {
      deliverer.deliver(id, Deliverer.NO_TASK);
    } catch (ProviderException e) {
      throw new AssertionError(e);
    }
    assertThat(outboxCopies(id)).isEqualTo(1);
  }

  @Test
  void runsOfOneNotificationAtOnceSendItOnce() throws Exception {
    UUID id = createdWithoutTask();
    List<Future<?>> runs = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 8; i++) {
        runs.add(threads.submit(() -> deliverer.deliver(id, Deliverer.NO_TASK)));
      }
      for (Future<?> run : runs) {
        try {
          run.get();
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(ClaimedElsewhere.class);
        }
      }
    }
    assertThat(outboxCopies(id)).isEqualTo(1);
  }

  @Test
  void aRunRevivedAfterItsInstanceDiedDoesNotWaitForTheDeadRunsClaim() {
    UUID id = createdWithoutTask();
    Instant now = clock.instant();
    assertThat(deliveries.claim(List.of(id), now, now.plus(Deliverer.CLAIM))).hasSize(1);
    // The dead instance's execution: picked, its heartbeat ten minutes old.
    jdbc.sql(
            """
            INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked,
                                         picked_by, last_heartbeat, version, priority)
            VALUES ('deliver', :id, now() - interval '10 minutes', true, 'killed-instance',
                    now() - interval '10 minutes', 2, 100)
            """)
        .param("id", id.toString())
        .update();

    // Dead executions are looked for every 2 heartbeat intervals (20 s); the claim lasts 2 minutes.
    await().atMost(Duration.ofSeconds(50)).until(() -> outboxCopies(id) == 1);
  }

  private long outboxCopies(UUID id) {
    JsonNode outbox = http.send("GET", "/outbox.json", null, null).json().get("messages");
    return outbox
        .valueStream()
        .filter(m -> m.get("notification_id").asString().equals(id.toString()))
        .count();
  }

  private UUID createdWithoutTask() {
    StoredNotifications stored = new StoredNotifications(herald, notifications, jdbc, tx);
    return stored.createdWithoutTask(stored.owner());
  }
}
