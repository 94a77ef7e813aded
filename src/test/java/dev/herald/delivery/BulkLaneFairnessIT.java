package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.delivery.DeliveryRepository.Claimed;
import dev.herald.support.Sql;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One service's big job does not hold back another service's job, and no job holds back an API
 * send: with delivery stopped, a job of 3,000 rows is stored, then another service's job of 50
 * rows, then an email through the API; the next claim of 101 rows takes the API send first and then
 * the two jobs' rows in turn, not the first job's rows alone.
 */
class BulkLaneFairnessIT extends ApiIT {

  private static final int BIG = 3_000;
  private static final int SMALL = 50;

  @Autowired DeliveryRepository deliveries;
  @Autowired DeliveryQueue queue;
  @Autowired JdbcClient jdbc;

  @Test
  void aLaterJobTakesTurnsWithAnEarlierOnesBacklogAndAnApiSendGoesFirst() {
    queue.stop(); // nothing is delivered: the queue's order is what the test looks at
    UUID big = herald.liveService();
    UUID small = herald.liveService();
    try {
      UUID bigJob = job(big, BIG);
      awaitStored(big, bigJob);
      UUID smallJob = job(small, SMALL);
      awaitStored(small, smallJob);
      UUID api = herald.liveService();
      UUID template = herald.template(api, "email", "Hi", "Hello");
      Http.Response sent =
          http.send(
              "POST",
              "/v2/notifications/email",
              Tokens.bearer(herald.key(api, "normal")),
              Http.json(
                  Map.of("template_id", template.toString(), "email_address", "a@example.gov.uk")));
      assertThat(sent.status()).as(sent.body()).isEqualTo(201);

      Instant now = clock.instant();
      List<Claimed> claimed = deliveries.claim("fairness-test", now, now.plusSeconds(60), 101);
      // A claim takes the rows first in the queue's order (the rows it returns are in no order).
      Map<UUID, Long> byService =
          claimed.stream()
              .map(c -> service(c.id()))
              .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(byService)
          .containsEntry(api, 1L)
          .containsEntry(small, (long) SMALL)
          .containsEntry(big, 100L - SMALL);
    } finally {
      // The rows are delivered before the next test, which may claim from the same queue.
      jdbc.sql(
              "UPDATE delivery_queue SET leased_by = NULL, leased_until = NULL"
                  + " WHERE leased_by = 'fairness-test'")
          .update();
      queue.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> queued(List.of(big, small)) == 0);
    }
  }

  private long queued(List<UUID> services) {
    return jdbc.sql(
            """
            SELECT count(*) FROM delivery_queue q JOIN notifications n ON n.id = q.notification_id
             WHERE n.service_id = ANY(:services)
            """)
        .param("services", Sql.array("uuid", services))
        .query(Long.class)
        .single();
  }

  private UUID job(UUID service, int rows) {
    UUID template = herald.template(service, "email", "Hi ((name))", "Hello ((name))");
    return herald.job(service, template, "people.csv", Herald.emailRows(rows));
  }

  private void awaitStored(UUID service, UUID job) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                herald
                    .adminOk("GET", "/admin/services/" + service + "/jobs/" + job, null)
                    .at("/data/job_status")
                    .asString()
                    .equals("finished all notifications created"));
  }

  private UUID service(UUID notification) {
    return jdbc.sql("SELECT service_id FROM notifications WHERE id = :id")
        .param("id", notification)
        .query(UUID.class)
        .single();
  }
}
