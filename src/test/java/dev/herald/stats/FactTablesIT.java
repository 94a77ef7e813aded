package dev.herald.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.herald.notification.PartitionMaintainer;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Fact tables by London day across both summer-time changes of 2026, their rebuild (late status
 * changes, concurrent and interrupted runs) and the statistics read from them.
 */
class FactTablesIT extends ApiIT {

  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired PartitionMaintainer partitions;
  @Autowired FactFanOut fanOut;
  @Autowired NotificationStatusFacts statusFacts;
  @Autowired BillingFacts billingFacts;
  @Autowired SchedulerClient scheduler;

  private UUID service;
  private String key;
  private UUID smsTemplate;
  private UUID emailTemplate;

  private void at(String instant) {
    clock.set(Instant.parse(instant));
    partitions.createAhead();
  }

  private void fixture() {
    service = herald.liveService();
    key = herald.key(service, "normal");
    smsTemplate = herald.template(service, "sms", null, "Hello");
    emailTemplate = herald.template(service, "email", "Hi", "Hello");
  }

  private String sms() {
    return send(
        "sms", Map.of("template_id", smsTemplate.toString(), "phone_number", "07700900123"));
  }

  private String email() {
    return send(
        "email", Map.of("template_id", emailTemplate.toString(), "email_address", "a@example.com"));
  }

  private String send(String type, Map<String, Object> body) {
    Http.Response r =
        http.send(
            "POST",
            "/v2/notifications/" + type,
            "Bearer " + Tokens.token(key, clock.instant()),
            Http.json(body));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  /** The outbox delivers and "receives" a receipt in the background: wait for it to settle. */
  private void awaitDelivered() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM notifications WHERE service_id = :s AND status <> 'delivered'")
                        .param("s", service)
                        .query(Long.class)
                        .single()
                    == 0);
  }

  private void setStatus(String id, String status) {
    assertThat(
            jdbc.sql("UPDATE notifications SET status = :status WHERE id = CAST(:id AS uuid)")
                .param("status", status)
                .param("id", id)
                .update())
        .isEqualTo(1);
  }

  /** Status fact counts of the service: "day type status" → count. */
  private Map<String, Long> statusFacts() {
    Map<String, Long> facts = new TreeMap<>();
    jdbc.sql(
            """
            SELECT bst_date, notification_type, notification_status, notification_count
              FROM ft_notification_status WHERE service_id = :s
            """)
        .param("s", service)
        .query(
            (rs, row) ->
                facts.merge(
                    rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3),
                    rs.getLong(4),
                    Long::sum))
        .list();
    return facts;
  }

  private List<String> queuedFactTasks() {
    return jdbc.sql(
            """
            SELECT task_instance FROM scheduled_tasks
             WHERE task_name = :task AND task_instance LIKE :suffix ORDER BY task_instance
            """)
        .param("task", FactCombination.TASK)
        .param("suffix", "%:" + service)
        .query(String.class)
        .list();
  }

  /** Waits for the fact tasks a fan-out queued for a past day (due at once) to be done. */
  private void awaitFactTasksDone() {
    await().atMost(Duration.ofSeconds(30)).until(() -> queuedFactTasks().isEmpty());
  }

  /** Runs queued fact tasks that are due in the future (ahead of db-scheduler's real clock). */
  private void runNow(List<String> instances) {
    instances.forEach(
        i -> scheduler.reschedule(TaskInstanceId.of(FactCombination.TASK, i), Instant.now()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> queuedFactTasks().stream().noneMatch(instances::contains));
  }

  @Test
  void countsEachNotificationInItsLondonDayAcrossTheAutumnChange() {
    at("2026-10-24T22:30:00Z"); // 23:30 BST on 24 October
    fixture();
    sms();
    at("2026-10-24T23:30:00Z"); // 00:30 BST on 25 October
    sms();
    at("2026-10-26T00:30:00Z"); // 00:30 GMT on 26 October: 25 October had 25 hours
    email();
    awaitDelivered(); // the delivery queue runs on the test's clock, which now goes back
    at("2026-10-25T23:30:00Z"); // 23:30 GMT on 25 October
    sms();
    awaitDelivered();

    at("2026-10-27T00:30:00Z");
    assertThat(fanOut.nightlyStatus()).isGreaterThanOrEqualTo(3);
    awaitFactTasksDone();

    assertThat(statusFacts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "2026-10-24 sms delivered", 1L,
                "2026-10-25 sms delivered", 2L,
                "2026-10-26 email delivered", 1L));
  }

  @Test
  void countsEachNotificationInItsLondonDayAcrossTheSpringChange() {
    at("2026-03-28T23:30:00Z"); // 23:30 GMT on 28 March
    fixture();
    sms();
    at("2026-03-29T00:30:00Z"); // 00:30 GMT on 29 March; BST starts at 01:00 GMT
    sms();
    at("2026-03-29T22:30:00Z"); // 23:30 BST on 29 March: the day had 23 hours
    sms();
    at("2026-03-29T23:30:00Z"); // 00:30 BST on 30 March
    sms();
    awaitDelivered();

    at("2026-03-31T01:00:00Z");
    for (String day : List.of("2026-03-28", "2026-03-29", "2026-03-30")) {
      statusFacts.rebuild(LocalDate.parse(day), "sms", service);
      billingFacts.rebuild(LocalDate.parse(day), "sms", service);
    }

    assertThat(statusFacts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "2026-03-28 sms delivered", 1L,
                "2026-03-29 sms delivered", 2L,
                "2026-03-30 sms delivered", 1L));
    assertThat(
            jdbc.sql(
                    """
                    SELECT bst_date || ' ' || notifications_sent || ' ' || billable_units
                           || ' ' || rate || ' ' || postage
                      FROM ft_billing WHERE service_id = :s ORDER BY bst_date
                    """)
                .param("s", service)
                .query(String.class)
                .list())
        .containsExactly("2026-03-28 1 1 0 none", "2026-03-29 2 2 0 none", "2026-03-30 1 1 0 none");
  }

  @Test
  void countsALateStatusChangeAfterTheRebuild() {
    at("2026-05-05T10:00:00Z");
    fixture();
    String first = sms();
    sms();
    awaitDelivered();

    at("2026-05-06T00:30:00Z");
    statusFacts.rebuild(LocalDate.parse("2026-05-05"), "sms", service);
    assertThat(statusFacts()).containsExactlyEntriesOf(Map.of("2026-05-05 sms delivered", 2L));

    setStatus(first, "permanent-failure");
    assertThat(statusFacts()).containsExactlyEntriesOf(Map.of("2026-05-05 sms delivered", 2L));

    at("2026-05-07T00:30:00Z"); // the next night: 5 May is still in the 4 days rebuilt
    fanOut.nightlyStatus();
    awaitFactTasksDone();
    assertThat(statusFacts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("2026-05-05 sms delivered", 1L, "2026-05-05 sms permanent-failure", 1L));
  }

  @Test
  void twoRebuildsOfTheSameCombinationAtOnceEndWithTheSameCounts() {
    at("2026-06-10T10:00:00Z");
    fixture();
    IntStream.range(0, 5).forEach(i -> sms());
    email();
    awaitDelivered();
    at("2026-06-11T00:30:00Z");
    LocalDate day = LocalDate.parse("2026-06-10");

    for (int round = 0; round < 5; round++) {
      List<CompletableFuture<Integer>> runs =
          IntStream.range(0, 4)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () ->
                              i % 2 == 0
                                  ? statusFacts.rebuild(day, "sms", service)
                                  : billingFacts.rebuild(day, "sms", service)))
              .toList();
      runs.forEach(CompletableFuture::join);
      assertThat(statusFacts()).containsExactlyEntriesOf(Map.of("2026-06-10 sms delivered", 5L));
      assertThat(
              jdbc.sql("SELECT sum(notifications_sent) FROM ft_billing WHERE service_id = :s")
                  .param("s", service)
                  .query(Long.class)
                  .single())
          .isEqualTo(5);
    }
  }

  @Test
  void anInterruptedFanOutEndsWithEveryCombinationDoneOnce() {
    // 2031 is ahead of db-scheduler's real clock, so the queued tasks wait until a test runs them.
    // The delivery queue runs on the test's clock: it is stopped, so the notifications stay
    // created.
    Lifecycle deliveries = context.getBean("deliveryQueue", Lifecycle.class);
    deliveries.stop();
    try {
      interruptedFanOut();
    } finally {
      deliveries.start();
    }
  }

  private void interruptedFanOut() {
    at("2031-06-07T12:00:00Z");
    fixture();
    sms();
    email();
    at("2031-06-08T12:00:00Z");
    sms();
    sms();
    at("2031-06-09T12:00:00Z");
    email();

    at("2031-06-10T00:30:00Z");
    fanOut.nightlyStatus();
    List<String> all = queuedFactTasks();
    assertThat(all)
        .containsExactly(
            "status:2031-06-07:email:" + service,
            "status:2031-06-07:sms:" + service,
            "status:2031-06-08:sms:" + service,
            "status:2031-06-09:email:" + service);
    runNow(all.subList(0, 2)); // then the process stops

    fanOut.nightlyStatus();
    assertThat(queuedFactTasks()).as("each combination queued once").isEqualTo(all);
    fanOut.nightlyStatus();
    assertThat(queuedFactTasks()).isEqualTo(all);
    runNow(all);

    assertThat(statusFacts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "2031-06-07 email created", 1L,
                "2031-06-07 sms created", 1L,
                "2031-06-08 sms created", 2L,
                "2031-06-09 email created", 1L));
    jdbc.sql(
            """
            DELETE FROM delivery_queue
             WHERE notification_id IN (SELECT id FROM notifications WHERE service_id = :s)
            """)
        .param("s", service)
        .update();
  }

  @Test
  void statisticsAreFactsPlusTodayAndShowAStatusChangeAtOnce() {
    at("2026-06-01T10:00:00Z");
    fixture();
    sms();
    email();
    awaitDelivered();
    at("2026-06-02T00:30:00Z");
    fanOut.nightlyStatus();
    awaitFactTasksDone();

    at("2026-06-02T09:00:00Z");
    String today = sms();
    awaitDelivered();
    String stats = "/admin/services/" + service + "/statistics";
    JsonNode week = herald.adminOk("GET", stats, null);
    assertThat(week.get("days").asInt()).isEqualTo(7);
    assertThat(week.at("/data/sms/requested").asLong()).isEqualTo(2);
    assertThat(week.at("/data/sms/delivered").asLong()).isEqualTo(2);
    assertThat(week.at("/data/email/requested").asLong()).isEqualTo(1);
    assertThat(week.at("/data/letter/requested").asLong()).isZero();

    setStatus(today, "permanent-failure");
    JsonNode after = herald.adminOk("GET", stats + "?days=1", null);
    assertThat(after.at("/data/sms/requested").asLong()).isEqualTo(1);
    assertThat(after.at("/data/sms/failed").asLong()).isEqualTo(1);
    assertThat(after.at("/data/sms/statuses/permanent-failure").asLong()).isEqualTo(1);
    assertThat(after.at("/data/email/requested").asLong()).isZero();

    for (String bad : List.of("0", "101", "seven")) {
      Http.Response r = herald.admin("GET", stats + "?days=" + bad, null);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().at("/errors/0/error").asString()).isEqualTo("ValidationError");
    }

    JsonNode usage =
        herald.adminOk(
            "GET", "/admin/services/" + service + "/template-usage?year=2026&month=6", null);
    assertThat(
            usage
                .get("stats")
                .valueStream()
                .map(u -> u.get("type").asString() + " " + u.get("count").asLong()))
        .containsExactly("sms 2", "email 1");
    assertThat(
            herald
                .adminOk(
                    "GET", "/admin/services/" + service + "/template-usage?year=2026&month=5", null)
                .get("stats"))
        .isEmpty();

    JsonNode template =
        herald.adminOk("GET", "/admin/services/" + service + "/templates/" + smsTemplate, null);
    assertThat(template.get("last_used_at").asString()).isEqualTo("2026-06-02T09:00:00.000000Z");
    String unused = herald.template(service, "sms", null, "Unused").toString();
    assertThat(
            herald
                .adminOk("GET", "/admin/services/" + service + "/templates/" + unused, null)
                .get("last_used_at")
                .isNull())
        .isTrue();
  }
}
