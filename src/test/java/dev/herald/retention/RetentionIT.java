package dev.herald.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notification.PartitionMaintainer;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention by London day, across summer time: expiry days, partition drops, re-dating and received
 * texts. Dates are in 2026, before the real date, so the partitions dropped here are not ones other
 * tests write to.
 */
class RetentionIT extends ApiIT {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired PersonalDataRetention retention;
  @Autowired RetentionRedating redating;
  @Autowired PartitionMaintainer partitions;

  private UUID service;
  private String key;
  private UUID template;

  private void at(String instant) {
    clock.set(Instant.parse(instant));
    partitions.createAhead();
  }

  private String send(String phone) {
    return send(key, phone);
  }

  private String send(String apiKey, String phone) {
    Http.Response r =
        http.send(
            "POST",
            "/v2/notifications/sms",
            "Bearer " + Tokens.token(apiKey, clock.instant()),
            Http.json(Map.of("template_id", template.toString(), "phone_number", phone)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  private void fixture() {
    service = herald.liveService();
    key = herald.key(service, "normal");
    template = herald.template(service, "sms", null, "Hello");
  }

  private LocalDate expiresOn(String id) {
    return jdbc.sql("SELECT expires_on FROM notifications WHERE id = CAST(:id AS uuid)")
        .param("id", id)
        .query(LocalDate.class)
        .single();
  }

  private void awaitNoRedatingOf(UUID service) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            """
                        SELECT count(*) FROM scheduled_tasks
                         WHERE task_name = 'redate-retention' AND task_instance LIKE :service
                        """)
                        .param("service", service + ":%")
                        .query(Long.class)
                        .single()
                    == 0);
  }

  private long personalRows(String id) {
    return jdbc.sql(
            "SELECT count(*) FROM notification_personal_data WHERE notification_id = CAST(:id AS uuid)")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  private long notificationRows(String id) {
    return jdbc.sql("SELECT count(*) FROM notifications WHERE id = CAST(:id AS uuid)")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  @Test
  void expiresOnTheLondonDayAfterItsRetentionAcrossTheSpringChange() {
    // 00:30 on Sunday 29 March 2026 in London is 00:30 UTC (GMT); an hour later BST starts.
    at("2026-03-29T00:30:00Z");
    fixture();
    String id = send("07700900123");
    assertThat(expiresOn(id)).isEqualTo(LocalDate.parse("2026-04-05"));

    at("2026-04-05T22:59:00Z"); // 23:59 BST on 5 April: still its last day
    retention.run();
    assertThat(personalRows(id)).isEqualTo(1);
    assertThat(
            http.send(
                    "GET",
                    "/v2/notifications/" + id,
                    "Bearer " + Tokens.token(key, clock.instant()),
                    null)
                .status())
        .isEqualTo(200);

    at("2026-04-05T23:00:00Z"); // 00:00 BST on 6 April
    CompletableFuture<?> first = CompletableFuture.runAsync(retention::run);
    CompletableFuture<?> second = CompletableFuture.runAsync(retention::run);
    first.join();
    second.join();
    assertThat(personalRows(id)).isZero();
    assertThat(notificationRows(id)).as("the notification stays as history").isEqualTo(1);
    Http.Response gone =
        http.send(
            "GET", "/v2/notifications/" + id, "Bearer " + Tokens.token(key, clock.instant()), null);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().get("errors").get(0).get("message").asString())
        .isEqualTo("No result found");
  }

  @Test
  void deletesTestKeyNotificationsPastTheirDayAndKeepsTheOthersAsHistory() {
    at("2026-06-01T10:00:00Z");
    fixture();
    String testKey = herald.key(service, "test");
    String expiredTest = send(testKey, "07700900126");
    String expiredNormal = send("07700900127");
    at("2026-06-02T10:00:00Z");
    String keptTest = send(testKey, "07700900128");

    at("2026-06-08T23:00:00Z"); // 00:00 BST on 9 June: the day after 1 June + 7
    PersonalDataRetention.Outcome outcome = retention.run();

    assertThat(outcome.testNotifications()).isEqualTo(1);
    assertThat(notificationRows(expiredTest)).as("test key, past its day").isZero();
    assertThat(notificationRows(expiredNormal)).as("normal key: history").isEqualTo(1);
    assertThat(personalRows(expiredNormal)).isZero();
    assertThat(notificationRows(keptTest)).as("test key, its last day").isEqualTo(1);
    assertThat(personalRows(keptTest)).isEqualTo(1);
  }

  @Test
  void deletesATestKeyNotificationUpdatedWhileItsBatchWaitsForIt() throws Exception {
    at("2026-06-01T10:00:00Z");
    fixture();
    String expired = send(herald.key(service, "test"), "07700900129");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !status(expired).equals("created") && !status(expired).equals("sending"));
    at("2026-06-08T23:00:00Z");

    // A late receipt holds the row, and commits a new version of it (a new ctid) while
    // retention's delete waits: the delete then skips the row it had found.
    try (Connection receipt = dataSource.getConnection()) {
      receipt.setAutoCommit(false);
      try (PreparedStatement update =
          receipt.prepareStatement(
              "UPDATE notifications SET updated_at = updated_at + interval '1 second'"
                  + " WHERE id = CAST(? AS uuid)")) {
        update.setString(1, expired);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      CompletableFuture<PersonalDataRetention.Outcome> run =
          CompletableFuture.supplyAsync(retention::run);
      await().atMost(Duration.ofSeconds(10)).until(this::retentionWaitsForARowLock);
      receipt.commit();
      assertThat(run.get(30, TimeUnit.SECONDS).testNotifications()).isEqualTo(1);
    }
    assertThat(notificationRows(expired)).isZero();
  }

  private String status(String id) {
    return jdbc.sql("SELECT status FROM notifications WHERE id = CAST(:id AS uuid)")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private boolean retentionWaitsForARowLock() {
    return jdbc.sql(
                """
                SELECT count(*) FROM pg_stat_activity
                 WHERE wait_event_type = 'Lock' AND query LIKE '%DELETE FROM notifications_test%'
                """)
            .query(Long.class)
            .single()
        > 0;
  }

  @Test
  void usesTheLondonDateJustAfterMidnightInSummer() {
    // 23:30 UTC on 24 October 2026 is 00:30 BST on 25 October: a London day later than in UTC.
    at("2026-10-24T23:30:00Z");
    fixture();
    String id = send("07700900124");
    assertThat(expiresOn(id)).isEqualTo(LocalDate.parse("2026-11-01"));
  }

  @Test
  void reDatesStoredNotificationsWhenTheRetentionChanges() {
    at("2026-05-10T12:00:00Z");
    fixture();
    String id = send("07700900125");
    assertThat(expiresOn(id)).isEqualTo(LocalDate.parse("2026-05-17"));

    herald.adminOk(
        "PUT",
        "/admin/services/" + service + "/data-retention",
        Map.of("notification_type", "sms", "days_of_retention", 30));
    redating.batch(service, "sms");
    assertThat(expiresOn(id)).isEqualTo(LocalDate.parse("2026-06-09"));
    assertThat(personalRows(id)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT expires_on FROM notification_personal_data WHERE notification_id = CAST(:id AS uuid)")
                .param("id", id)
                .query(LocalDate.class)
                .single())
        .isEqualTo(LocalDate.parse("2026-06-09"));

    // The change also queued the re-dating task, which db-scheduler runs on real time at once. A
    // run that read the clock before it moves, and the new retention after, would re-date to a
    // day it takes for the future: the clock must not move under it.
    awaitNoRedatingOf(service);
    at("2026-05-20T12:00:00Z");
    herald.adminOk(
        "PUT",
        "/admin/services/" + service + "/data-retention",
        Map.of("notification_type", "sms", "days_of_retention", 3));
    redating.batch(service, "sms");
    assertThat(expiresOn(id)).isEqualTo(LocalDate.parse("2026-05-13"));
    assertThat(personalRows(id)).as("past its new date: gone at once").isZero();
  }

  @Test
  void refusesRetentionOutsideThreeToNinetyDays() {
    fixture();
    assertThat(
            herald
                .admin(
                    "PUT",
                    "/admin/services/" + service + "/data-retention",
                    Map.of("notification_type", "sms", "days_of_retention", 2))
                .status())
        .isEqualTo(400);
    assertThat(
            herald
                .admin(
                    "PUT",
                    "/admin/services/" + service + "/data-retention",
                    Map.of("notification_type", "sms", "days_of_retention", 91))
                .status())
        .isEqualTo(400);
    assertThat(
            herald
                .admin(
                    "PUT",
                    "/admin/services/" + service + "/data-retention",
                    Map.of("notification_type", "fax", "days_of_retention", 7))
                .status())
        .isEqualTo(400);
  }

  @Test
  void removesReceivedTextsAfterTheServicesSmsRetention() {
    at("2026-07-01T10:00:00Z");
    fixture();
    herald.adminOk(
        "POST",
        "/admin/services/" + service + "/inbound-number",
        Map.of("number", dev.herald.testdata.Herald.uniqueNumber()));
    String inbound =
        herald
            .adminOk(
                "POST",
                "/admin/services/" + service + "/inbound-sms",
                Map.of("user_number", "07700900111", "content", "hi"))
            .get("id")
            .asString();

    at("2026-07-08T22:59:00Z"); // 23:59 BST on 8 July: day 1 July + 7 is its last day
    retention.runInbound();
    assertThat(
            jdbc.sql("SELECT count(*) FROM inbound_sms WHERE id = CAST(:id AS uuid)")
                .param("id", inbound)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    at("2026-07-08T23:00:00Z");
    retention.runInbound();
    assertThat(
            jdbc.sql("SELECT count(*) FROM inbound_sms WHERE id = CAST(:id AS uuid)")
                .param("id", inbound)
                .query(Long.class)
                .single())
        .isZero();
  }
}
