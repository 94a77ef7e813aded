package dev.herald.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.HeraldApplication;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two Herald instances on one database hold one service to one rate limit and one daily limit. */
class LimitsAcrossInstancesIT extends ApiIT {

  @Autowired HikariDataSource dataSource;

  private ConfigurableApplicationContext second;
  private Http secondHttp;

  @BeforeEach
  void startSecondInstance() {
    second =
        new SpringApplicationBuilder(HeraldApplication.class)
            .run(
                "--server.port=0",
                "--herald.database-url=" + dataSource.getJdbcUrl(),
                "--herald.database-username=postgres",
                "--herald.data-dir=" + properties.dataDir(),
                "--spring.main.banner-mode=off");
    secondHttp = new Http(((WebServerApplicationContext) second).getWebServer().getPort());
  }

  @AfterEach
  void stopSecondInstance() {
    second.close();
  }

  private List<Integer> sendConcurrently(String key, UUID template, int requests) throws Exception {
    String body =
        Http.json(Map.of("template_id", template.toString(), "phone_number", "07700900123"));
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      Http target = i % 2 == 0 ? http : secondHttp;
      calls.add(
          () -> target.send("POST", "/v2/notifications/sms", Tokens.bearer(key), body).status());
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      return statuses;
    }
  }

  @Test
  void holdTheDailyLimitExactly() throws Exception {
    UUID service = herald.liveService();
    herald.adminOk("PATCH", "/admin/services/" + service, Map.of("sms_message_limit", 7));
    String key = herald.key(service, "normal");
    UUID template = herald.template(service, "sms", null, "Hello");

    List<Integer> statuses = sendConcurrently(key, template, 30);

    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(7);
    assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(23);
  }

  @Test
  void holdTheRateLimitExactly() throws Exception {
    UUID service = herald.liveService();
    // rate_limit 1 per minute: the bucket holds min(ceil(1/3)+1, 1000) = 2 tokens and refills
    // one token a minute, so however the requests spread, exactly 2 pass in this test.
    herald.adminOk("PATCH", "/admin/services/" + service, Map.of("rate_limit", 1));
    String key = herald.key(service, "normal");
    UUID template = herald.template(service, "sms", null, "Hello");

    List<Integer> statuses = sendConcurrently(key, template, 20);

    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(2);
    assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(18);
  }
}
