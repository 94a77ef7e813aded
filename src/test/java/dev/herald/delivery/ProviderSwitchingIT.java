package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Sent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ProviderSwitchingIT extends ApiIT {

  @Autowired JdbcClient jdbc;
  @Autowired ProviderSwitching switching;

  @BeforeEach
  void twoProviders() {
    for (String p : new String[] {"slow-sms", "fast-sms"}) {
      jdbc.sql("INSERT INTO provider_details VALUES (:p, 'sms', 50, true, false, :at)")
          .param("p", p)
          .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
          .update();
    }
  }

  @AfterEach
  void removeThem() {
    jdbc.sql("DELETE FROM provider_details WHERE identifier IN ('slow-sms', 'fast-sms')").update();
    jdbc.sql("DELETE FROM provider_details_history WHERE identifier IN ('slow-sms', 'fast-sms')")
        .update();
    jdbc.sql("UPDATE notifications SET sent_by = 'gone' WHERE sent_by IN ('slow-sms', 'fast-sms')")
        .update();
  }

  private void sentBy(UUID id, String provider, String status, Instant sentAt, Instant updatedAt) {
    jdbc.sql(
            "UPDATE notifications SET sent_by = :p, status = :s, sent_at = :sent, updated_at = :updated WHERE id = :id")
        .param("p", provider)
        .param("s", status)
        .param("sent", OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC))
        .param("updated", OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC))
        .param("id", id)
        .update();
  }

  private int priorityOf(String provider) {
    return jdbc.sql("SELECT priority FROM provider_details WHERE identifier = :p")
        .param("p", provider)
        .query(Integer.class)
        .single();
  }

  @Test
  void movesTrafficFromASlowProviderOnceThenTendsBack() {
    UUID service = herald.liveService();
    String key = herald.key(service, "normal");
    UUID template = herald.template(service, "sms", null, "Hello");
    Instant now = Instant.now();
    for (int i = 0; i < 4; i++) {
      UUID slow = Sent.deliveredSms(herald, jdbc, key, template);
      UUID fast = Sent.deliveredSms(herald, jdbc, key, template);
      sentBy(
          slow,
          "slow-sms",
          i == 0 ? "sending" : "delivered",
          now.minusSeconds(600),
          now.minusSeconds(600 - (i == 0 ? 0 : 360)));
      sentBy(fast, "fast-sms", "delivered", now.minusSeconds(600), now.minusSeconds(590));
    }

    switching.switchOnSlowDelivery();
    assertThat(priorityOf("slow-sms")).isEqualTo(40);
    assertThat(priorityOf("fast-sms")).isEqualTo(60);

    switching.switchOnSlowDelivery();
    assertThat(priorityOf("slow-sms")).as("guard window").isEqualTo(40);

    clock.set(now.plus(Duration.ofMinutes(6)));
    switching.tendBack();
    assertThat(priorityOf("slow-sms")).isEqualTo(50);
    assertThat(priorityOf("fast-sms")).isEqualTo(50);

    JsonNode providers = herald.adminOk("GET", "/admin/providers", null).get("providers");
    JsonNode slow =
        providers
            .valueStream()
            .filter(p -> p.get("id").asString().equals("slow-sms"))
            .findFirst()
            .orElseThrow();
    assertThat(slow.get("history").get(1).get("reason").asString()).startsWith("slow delivery");
  }

  @Test
  void doesNotSwitchWhenEveryProviderIsSlow() {
    UUID service = herald.liveService();
    String key = herald.key(service, "normal");
    UUID template = herald.template(service, "sms", null, "Hello");
    Instant now = Instant.now();
    UUID one = Sent.deliveredSms(herald, jdbc, key, template);
    UUID two = Sent.deliveredSms(herald, jdbc, key, template);
    sentBy(one, "slow-sms", "sending", now.minusSeconds(600), now.minusSeconds(600));
    sentBy(two, "fast-sms", "sending", now.minusSeconds(600), now.minusSeconds(600));
    jdbc.sql(
            "UPDATE provider_details SET active = false WHERE identifier NOT IN ('slow-sms', 'fast-sms')")
        .update();
    try {
      switching.switchOnSlowDelivery();
      assertThat(priorityOf("slow-sms")).isEqualTo(50);
      assertThat(priorityOf("fast-sms")).isEqualTo(50);
    } finally {
      jdbc.sql("UPDATE provider_details SET active = true").update();
    }
  }

  @Test
  void lowersAProviderAfterMoreThanFiftyErrorsInAMinute() {
    for (int i = 0; i < ProviderSwitching.ERROR_THRESHOLD; i++) {
      switching.recordError("fast-sms");
    }
    assertThat(priorityOf("fast-sms")).isEqualTo(50);
    switching.recordError("fast-sms");
    assertThat(priorityOf("fast-sms")).isEqualTo(40);
  }

  @Test
  void operatorsSetPriorityAndActiveWithAReason() {
    JsonNode changed =
        herald.adminOk(
            "PATCH",
            "/admin/providers/fast-sms",
            Map.of("priority", 70, "active", false, "reason", "maintenance"));
    assertThat(changed.get("priority").asInt()).isEqualTo(70);
    assertThat(changed.get("active").asBoolean()).isFalse();
    assertThat(changed.get("history").get(0).get("reason").asString())
        .isEqualTo("set by an operator: maintenance");
    assertThat(herald.admin("PATCH", "/admin/providers/fast-sms", Map.of("priority", 101)).status())
        .isEqualTo(400);
    assertThat(herald.admin("PATCH", "/admin/providers/nope", Map.of("priority", 1)).status())
        .isEqualTo(404);
  }
}
