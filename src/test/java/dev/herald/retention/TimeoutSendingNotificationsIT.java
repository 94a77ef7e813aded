package dev.herald.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Sent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TimeoutSendingNotificationsIT extends ApiIT {

  @Autowired JdbcClient jdbc;
  @Autowired TimeoutSendingNotifications timeouts;

  private void setInFlight(UUID id, String status, Instant sentAt) {
    jdbc.sql("UPDATE notifications SET status = :status, sent_at = :sentAt WHERE id = :id")
        .param("status", status)
        .param("sentAt", OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC))
        .param("id", id)
        .update();
  }

  private String statusOf(UUID id) {
    return jdbc.sql("SELECT status FROM notifications WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  @Test
  void timesOutOnlyWhatWasInFlightForMoreThan72HoursEvenRunTwiceAtOnce() {
    UUID service = herald.liveService();
    String key = herald.key(service, "normal");
    UUID template = herald.template(service, "sms", null, "Hello");
    herald.adminOk(
        "POST",
        "/admin/services/" + service + "/callbacks",
        Map.of(
            "callback_type",
            "delivery_status",
            "url",
            "http://127.0.0.1:9/callbacks",
            "bearer_token",
            "a-long-enough-token"));
    Instant now = Instant.now();
    UUID overdueSending = Sent.deliveredSms(herald, jdbc, key, template);
    UUID overduePending = Sent.deliveredSms(herald, jdbc, key, template);
    UUID recent = Sent.deliveredSms(herald, jdbc, key, template);
    UUID alreadyFinal = Sent.deliveredSms(herald, jdbc, key, template);
    setInFlight(overdueSending, "sending", now.minus(Duration.ofHours(73)));
    setInFlight(overduePending, "pending", now.minus(Duration.ofHours(100)));
    setInFlight(recent, "sending", now.minus(Duration.ofHours(71)));
    setInFlight(alreadyFinal, "delivered", now.minus(Duration.ofHours(100)));

    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(timeouts::run);
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(timeouts::run);

    assertThat(first.join() + second.join()).isGreaterThanOrEqualTo(2);
    assertThat(statusOf(overdueSending)).isEqualTo("temporary-failure");
    assertThat(statusOf(overduePending)).isEqualTo("temporary-failure");
    assertThat(statusOf(recent)).isEqualTo("sending");
    assertThat(statusOf(alreadyFinal)).isEqualTo("delivered");
    List<String> callbacks =
        jdbc.sql(
                "SELECT task_instance FROM scheduled_tasks WHERE task_name = 'send-callback' AND task_instance LIKE '%temporary-failure'")
            .query(String.class)
            .list();
    assertThat(callbacks)
        .contains(
            "delivery_status:" + overdueSending + ":temporary-failure",
            "delivery_status:" + overduePending + ":temporary-failure");
    assertThat(timeouts.run()).isZero();
  }
}
