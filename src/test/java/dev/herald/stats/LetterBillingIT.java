package dev.herald.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.support.Timestamps;
import dev.herald.testdata.ApiIT;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Letters in {@code ft_billing} (notify-letters.md §6.3): one row per sheets, postage and rate,
 * with the rate of the day, only for letters sent (test keys and failures are not billed).
 */
class LetterBillingIT extends ApiIT {

  @Autowired JdbcClient jdbc;
  @Autowired BillingFacts billing;

  @Test
  void lettersAreBilledBySheetsAndPostageAtTheRateOfTheirDay() {
    UUID service = herald.liveService();
    String key = herald.key(service, "normal");
    UUID first = template(service, "first", "One page");
    UUID second = template(service, "second", "One\n\n---\n\nTwo\n\n---\n\nThree");
    List<String> sent =
        List.of(send(key, first), send(key, first), send(key, second), send(key, second));
    String notSent = send(key, first);
    String test = send(herald.key(service, "test"), first);
    for (String id : List.of(sent.get(0), sent.get(1), sent.get(2), sent.get(3), notSent, test)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> column(id, "page_count") != null);
    }
    // As the print run (the next issue) leaves them.
    for (String id : sent) {
      jdbc.sql(
              "UPDATE notifications SET status = 'sending', sent_by = 'dvla'"
                  + " WHERE id = CAST(:id AS uuid)")
          .param("id", id)
          .update();
    }
    LocalDate day = Timestamps.londonDate(Instant.now());

    assertThat(billing.rebuild(day, "letter", service)).isEqualTo(2);
    List<Map<String, Object>> rows =
        jdbc.sql(
                """
                SELECT provider, postage, rate, billable_units, notifications_sent
                  FROM ft_billing
                 WHERE service_id = :service AND notification_type = 'letter'
                 ORDER BY postage
                """)
            .param("service", service)
            .query()
            .listOfRows();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("provider", "dvla")
        .containsEntry("postage", "first")
        .containsEntry("billable_units", 2)
        .containsEntry("notifications_sent", 2);
    assertThat(rows.get(0).get("rate")).hasToString("1.560");
    assertThat(rows.get(1))
        .containsEntry("postage", "second")
        .containsEntry("billable_units", 4)
        .containsEntry("notifications_sent", 2);
    assertThat(rows.get(1).get("rate")).hasToString("0.770");
  }

  private Object column(String id, String column) {
    return jdbc.sql("SELECT " + column + " FROM notifications WHERE id = CAST(:id AS uuid)")
        .param("id", id)
        .query()
        .singleRow()
        .get(column);
  }

  private UUID template(UUID service, String postage, String content) {
    return herald.letterTemplate(service, postage, content, null);
  }

  private String send(String key, UUID template) {
    return herald.sendLetter(
        key,
        template,
        Map.of(
            "address_line_1",
            "A Person",
            "address_line_2",
            "1 High Street",
            "postcode",
            "SW1A 2AA",
            "thing",
            "x"));
  }
}
