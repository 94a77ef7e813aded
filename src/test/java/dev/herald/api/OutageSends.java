package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Texts sent while the database goes away, and what they were answered: every answer is a 201 or
 * the 503 envelope, and every 201 is stored.
 */
final class OutageSends {

  private final Http http;
  private final String key;
  private final String body;
  private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final List<String> wrong = new ArrayList<>();

  OutageSends(Herald herald, Http http) {
    UUID service = herald.liveService();
    UUID template = herald.template(service, "sms", null, "Hello ((name))");
    this.http = http;
    this.key = herald.key(service, "normal");
    this.body =
        Http.json(
            Map.of(
                "template_id",
                template.toString(),
                "phone_number",
                "07700900123",
                "personalisation",
                Map.of("name", "Jo")));
  }

  /** Sends one text and records its answer. */
  void sendOne() {
    Http.Response r = http.send("POST", "/v2/notifications/sms", Tokens.bearer(key), body);
    statuses.computeIfAbsent(r.status(), x -> new AtomicInteger()).incrementAndGet();
    if (r.status() == 201) {
      accepted.add(UUID.fromString(r.json().get("id").asString()));
    } else if (!isTemporaryRefusal(r)) {
      synchronized (wrong) {
        wrong.add(r.status() + " " + r.body());
      }
    }
  }

  int accepted() {
    return accepted.size();
  }

  int answered(int status) {
    AtomicInteger count = statuses.get(status);
    return count == null ? 0 : count.get();
  }

  /** No answer but a 201 or the 503 envelope, and every 201 in {@code notifications}. */
  void assertNoneWrongAndEveryAcceptedStored(JdbcClient jdbc) {
    assertThat(wrong).isEmpty();
    assertThat(statuses).doesNotContainKey(500).containsKey(201);
    long stored =
        jdbc.sql("SELECT count(*) FROM notifications WHERE id = ANY (:ids)")
            .param("ids", accepted.toArray(UUID[]::new))
            .query(Long.class)
            .single();
    assertThat(stored).isEqualTo(accepted.size());
  }

  private static boolean isTemporaryRefusal(Http.Response r) {
    return r.status() == 503
        && r.json() != null
        && r.json().get("status_code").asInt() == 503
        && r.json().get("errors").get(0).get("error").asString().equals("ServiceUnavailableError");
  }
}
