package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends while every connection to the database is cut, again and again: a send answered 201 is
 * stored, and every other one is a temporary refusal in the envelope (503), never a 500.
 */
class DatabaseOutageIT extends ApiIT {

  private static final int SENDERS = 12;
  private static final int MAX_SENDS = 1_500;

  /** A cut every this many answers: often enough to catch requests in flight, not all of them. */
  private static final int ANSWERS_PER_CUT = 15;

  @Autowired HikariDataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void aSendCaughtInAnOutageIsRefusedAsTemporaryAndEveryAcceptedOneIsStored() throws Exception {
    UUID service = herald.liveService();
    String key = herald.key(service, "normal");
    UUID template = herald.template(service, "sms", null, "Hello ((name))");
    String body =
        Http.json(
            Map.of(
                "template_id",
                template.toString(),
                "phone_number",
                "07700900123",
                "personalisation",
                Map.of("name", "Jo")));

    Set<UUID> accepted = ConcurrentHashMap.newKeySet();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> wrong = new ArrayList<>();
    AtomicInteger sends = new AtomicInteger();
    AtomicInteger answers = new AtomicInteger();
    try (Connection cutter = DriverManager.getConnection(dataSource.getJdbcUrl());
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> senders = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        senders.add(
            pool.submit(
                () -> {
                  while (sends.incrementAndGet() <= MAX_SENDS && !enough(statuses)) {
                    Http.Response r =
                        http.send("POST", "/v2/notifications/sms", Tokens.bearer(key), body);
                    statuses
                        .computeIfAbsent(r.status(), x -> new AtomicInteger())
                        .incrementAndGet();
                    if (r.status() == 201) {
                      accepted.add(UUID.fromString(r.json().get("id").asString()));
                    } else if (!isTemporaryRefusal(r)) {
                      synchronized (wrong) {
                        wrong.add(r.status() + " " + r.body());
                      }
                    }
                    if (answers.incrementAndGet() % ANSWERS_PER_CUT == 0) {
                      cut(cutter);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> sender : senders) {
        sender.get(5, TimeUnit.MINUTES);
      }
    }

    assertThat(wrong).isEmpty();
    assertThat(statuses).doesNotContainKey(500).containsKeys(201, 503);
    long stored =
        jdbc.sql("SELECT count(*) FROM notifications WHERE id = ANY (:ids)")
            .param("ids", accepted.toArray(UUID[]::new))
            .query(Long.class)
            .single();
    assertThat(stored).isEqualTo(accepted.size());
  }

  /** Enough to have shown both answers: stop early rather than send all {@link #MAX_SENDS}. */
  private static boolean enough(Map<Integer, AtomicInteger> statuses) {
    AtomicInteger refused = statuses.get(503);
    AtomicInteger ok = statuses.get(201);
    return refused != null && refused.get() >= 5 && ok != null && ok.get() >= 100;
  }

  private static boolean isTemporaryRefusal(Http.Response r) {
    return r.status() == 503
        && r.json() != null
        && r.json().get("status_code").asInt() == 503
        && r.json().get("errors").get(0).get("error").asString().equals("ServiceUnavailableError");
  }

  /** Terminates every other session on Herald's database, as a restart or failover does. */
  private static void cut(Connection cutter) {
    synchronized (cutter) {
      try (Statement statement = cutter.createStatement()) {
        statement.execute(
            """
            SELECT pg_terminate_backend(pid)
              FROM pg_stat_activity
             WHERE pid <> pg_backend_pid() AND datname = current_database()
            """);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
