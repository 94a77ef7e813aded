package dev.herald.letter;

import static dev.herald.letter.PrecompiledLetterBuilder.aPrecompiledLetter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Clamd;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Precompiled letters scanned by a real clamd (its own EICAR signature): a virus is {@code
 * virus-scan-failed}, a clean letter goes on to its checks, and a letter sent while clamd is
 * stopped waits for it and is scanned once it is back.
 */
class VirusScanIT extends ApiIT {

  @RegisterExtension static final Clamd CLAMD = new Clamd(10 * 1024 * 1024);

  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void clamd(DynamicPropertyRegistry registry) {
    registry.add("herald.clamd-address", CLAMD::tcpAddress);
    registry.add("herald.clamd-read-timeout", () -> "2s");
  }

  private String status(String id) {
    return jdbc.sql("SELECT status FROM notifications WHERE id = CAST(:id AS uuid)")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private String send(String key, byte[] file) {
    Http.Response r =
        http.send(
            "POST",
            "/v2/notifications/letter",
            Tokens.bearer(key),
            Http.json(
                Map.of("reference", "r", "content", Base64.getEncoder().encodeToString(file))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  @Test
  void aVirusIsRefusedACleanLetterIsCheckedAndClamdDownMeansWaiting() throws IOException {
    String key = herald.key(herald.liveService(), "normal");
    String virus = send(key, Clamd.eicar());
    String clean = send(key, aPrecompiledLetter().build());
    await().atMost(Duration.ofSeconds(30)).until(() -> status(virus).equals("virus-scan-failed"));
    await().atMost(Duration.ofSeconds(30)).until(() -> status(clean).equals("created"));

    CLAMD.stop();
    boolean down = true;
    try {
      String waiting = send(key, aPrecompiledLetter().build());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.sql(
                              """
                          SELECT coalesce(max(consecutive_failures), 0) FROM scheduled_tasks
                           WHERE task_name = 'letter-pdf' AND task_instance LIKE :id || '/%'
                          """)
                          .param("id", waiting)
                          .query(Integer.class)
                          .single()
                      >= 1);
      assertThat(status(waiting)).isEqualTo("pending-virus-check");

      CLAMD.start();
      down = false;
      // Its next attempt at once rather than after its backoff.
      jdbc.sql(
              """
              UPDATE scheduled_tasks SET execution_time = now()
               WHERE task_name = 'letter-pdf' AND task_instance LIKE :id || '/%'
              """)
          .param("id", waiting)
          .update();
      await().atMost(Duration.ofSeconds(30)).until(() -> status(waiting).equals("created"));
    } finally {
      if (down) {
        CLAMD.start();
      }
    }
  }
}
