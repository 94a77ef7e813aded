package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.DispatcherServlet;

class HeraldApplicationIT extends ApiIT {

  @Autowired JdbcClient jdbc;
  @Autowired DispatcherServlet dispatcher;

  @Test
  void startsOnTheEmbeddedDatabaseWithTheMigrationsApplied() {
    assertThat(
            jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success")
                .query(Long.class)
                .single())
        .isZero();
    Http.Response health = http.send("GET", "/actuator/health", null, null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void timesRequestsByRouteWithoutTheLongTaskTimer() {
    http.send("GET", "/actuator/health", null, null);
    Http.Response metrics = http.send("GET", "/actuator/prometheus", null, null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("http_server_requests_seconds_count{")
        .contains("uri=\"/actuator/health\"")
        .doesNotContain("http_server_requests_active_seconds");
  }

  @Test
  void exposesWhereASendsAndADeliverysTimeGoes() {
    Http.Response metrics = http.send("GET", "/actuator/prometheus", null, null);
    assertThat(metrics.body())
        .contains("herald_group_commit_wait_seconds_count{name=\"send-store\"")
        .contains("herald_group_commit_batch_seconds_count{name=\"hand-over\"")
        .contains("herald_group_commit_size_count{name=\"send-store\"")
        .contains("herald_delivery_run_seconds_count")
        .contains("herald_delivery_threads_busy");
  }

  @Test
  void publishesNoEventPerRequest() {
    assertThat(ReflectionTestUtils.getField(dispatcher, "publishEvents")).isEqualTo(false);
  }

  @Test
  void createsPersonalDataPartitionsAhead() {
    long partitions =
        jdbc.sql(
                "SELECT count(*) FROM pg_inherits WHERE inhparent = 'notification_personal_data'::regclass")
            .query(Long.class)
            .single();
    assertThat(partitions).isGreaterThan(100);
  }

  @Test
  void answersUnknownRoutesWithNotifysNotFoundBody() {
    Http.Response r = http.send("GET", "/v2/nothing-here", null, null);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body())
        .isEqualTo(
            "{\"message\":\"The requested URL was not found on the server. If you entered the URL"
                + " manually please check your spelling and try again.\",\"result\":\"error\"}");
  }
}
