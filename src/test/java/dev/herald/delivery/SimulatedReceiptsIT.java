package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.herald.support.Sql;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The simulated receipts of the outbox and of test keys are applied in the hand-over's own
 * transaction: no db-scheduler task, nothing left between the hand-over and the receipt, and one
 * receipt and one callback per notification however many instances deliver at once. db-scheduler is
 * paused in these tests, so a task queued for a receipt or a callback stays to be counted.
 */
class SimulatedReceiptsIT extends ApiIT {

  @Autowired Scheduler scheduler;
  @Autowired DeliveryRepository deliveries;
  @Autowired DeliveryQueue queue;
  @Autowired Deliverer deliverer;
  @Autowired HandOver handOver;
  @Autowired DeliveryProperties delivery;
  @Autowired JdbcClient jdbc;

  private UUID service;
  private UUID smsTemplate;
  private UUID emailTemplate;

  @BeforeEach
  void fixture() {
    scheduler.pause();
    service = herald.liveService();
    smsTemplate = herald.template(service, "sms", null, "Hello");
    emailTemplate = herald.template(service, "email", "Subject", "Hello");
    herald.callback(
        service, "delivery_status", "https://callbacks.example.gov.uk/status", "a-callback-token");
  }

  @AfterEach
  void dropCallbacksAndResumeScheduler() {
    jdbc.sql(
            """
            DELETE FROM scheduled_tasks
             WHERE task_name = 'send-callback'
               AND task_instance IN (SELECT 'delivery_status:' || id || ':' || status
                                       FROM notifications WHERE service_id = :service)
            """)
        .param("service", service)
        .update();
    scheduler.resume();
  }

  @Test
  void receiptsOfOutboxAndTestKeyNotificationsArriveWithNoSchedulerTask() {
    String live = herald.key(service, "normal");
    String test = herald.key(service, "test");
    UUID outboxEmail = send(live, "email", "ada@example.gov.uk");
    UUID outboxSms = send(live, "sms", "07700900003");
    UUID testKeySms = send(test, "sms", "07700900002");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !queued(outboxEmail) && !queued(outboxSms) && !queued(testKeySms));

    assertThat(status(outboxEmail)).isEqualTo("delivered");
    assertThat(status(outboxSms)).isEqualTo("temporary-failure");
    assertThat(status(testKeySms)).isEqualTo("permanent-failure");
    assertThat(receiptTasks()).isZero();
    assertThat(callbacks(outboxEmail))
        .containsExactly("delivery_status:" + outboxEmail + ":delivered");
  }

  @Test
  void aRunCutOffBeforeItsHandOverIsDeliveredAgainWithItsReceiptAppliedOnce() {
    String test = herald.key(service, "test");
    queue.stop(); // so that the row stays as a killed instance left it
    UUID id;
    try {
      id = send(test, "email", "ada@example.gov.uk");
      Instant now = clock.instant();
      clock.set(now);
      jdbc.sql(
              """
              UPDATE delivery_queue SET leased_by = 'killed-instance', leased_until = :until,
                                        claims = claims + 1
               WHERE notification_id = :id
              """)
          .param("id", id)
          .param("until", Sql.ts(now.plusSeconds(60)))
          .update();
      clock.set(now.plusSeconds(61));
    } finally {
      queue.start();
    }
    queue.newDeliveries();

    await().atMost(Duration.ofSeconds(10)).until(() -> !queued(id));
    assertThat(status(id)).isEqualTo("delivered");
    assertThat(receiptTasks()).isZero();
    assertThat(callbacks(id)).containsExactly("delivery_status:" + id + ":delivered");
  }

  @Test
  void twoInstancesDeliveringAtOnceApplyEachReceiptOnceAndQueueOneCallback() {
    String test = herald.key(service, "test");
    DeliveryQueue second =
        new DeliveryQueue(
            deliveries, deliverer, handOver, delivery, clock, new SimpleMeterRegistry());
    List<UUID> ids = new ArrayList<>();
    queue.stop();
    try {
      for (int i = 0; i < 250; i++) {
        // 07700900400 onwards: Notify stores nothing for its simulated numbers (…111, …222)
        ids.add(send(test, "sms", "07700900" + (400 + i)));
      }
    } finally {
      second.start();
      queue.start();
    }
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().noneMatch(this::queued));
    } finally {
      second.stop();
    }

    for (UUID id : ids) {
      assertThat(status(id)).isEqualTo("delivered");
      assertThat(callbacks(id)).containsExactly("delivery_status:" + id + ":delivered");
    }
    assertThat(receiptTasks()).isZero();
  }

  private UUID send(String key, String type, String recipient) {
    Map<String, Object> body =
        "sms".equals(type)
            ? Map.of("template_id", smsTemplate.toString(), "phone_number", recipient)
            : Map.of("template_id", emailTemplate.toString(), "email_address", recipient);
    Http.Response r =
        http.send("POST", "/v2/notifications/" + type, Tokens.bearer(key), Http.json(body));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return UUID.fromString(r.json().get("id").asString());
  }

  private String status(UUID id) {
    return jdbc.sql("SELECT status FROM notifications WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private boolean queued(UUID id) {
    return jdbc.sql("SELECT count(*) FROM delivery_queue WHERE notification_id = :id")
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  private long receiptTasks() {
    return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'simulated-receipt'")
        .query(Long.class)
        .single();
  }

  private List<String> callbacks(UUID id) {
    return jdbc.sql(
            """
            SELECT task_instance FROM scheduled_tasks
             WHERE task_name = 'send-callback' AND task_instance LIKE :prefix
            """)
        .param("prefix", "delivery_status:" + id + ":%")
        .query(String.class)
        .list();
  }
}
