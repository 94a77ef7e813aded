package dev.herald.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Letters with their files on S3 (S3Proxy in the test JVM): made and read back there, and the
 * server stopped: a letter accepted meanwhile waits for it and is made once it is back, a
 * precompiled letter is refused with a 503 and nothing kept, a PDF cannot be read.
 */
class LettersOnS3IT extends ApiIT {

  private static final S3Server S3 = S3Server.started();
  private static final String BUCKET = S3.newBucket();

  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void s3(DynamicPropertyRegistry registry) {
    S3.register(registry, BUCKET);
  }

  @AfterAll
  static void stopS3() {
    S3.close();
  }

  private Integer pages(String id) {
    return jdbc.sql("SELECT page_count FROM notifications WHERE id = CAST(:id AS uuid)")
        .param("id", id)
        .query(Integer.class)
        .optional()
        .orElse(null);
  }

  private Integer failures(String id) {
    return jdbc.sql(
            """
            SELECT consecutive_failures FROM scheduled_tasks
             WHERE task_name = 'letter-pdf' AND task_instance LIKE :id || '/%'
            """)
        .param("id", id)
        .query(Integer.class)
        .optional()
        .orElse(null);
  }

  @Test
  void aLetterAcceptedWhileS3IsDownIsMadeOnceItIsBackAndNothingElseIsKept() {
    UUID service = herald.liveService();
    String key = herald.key(service, "normal");
    UUID template = herald.letterTemplate(service, "second", "Hello", null);
    Map<String, Object> address =
        Map.of(
            "address_line_1", "A Person",
            "address_line_2", "1 High Street",
            "postcode", "SW1A 2AA",
            "thing", "x");
    String before = herald.sendLetter(key, template, address);
    await().atMost(Duration.ofSeconds(30)).until(() -> pages(before) != null);
    assertThat(S3.keys(BUCKET)).anyMatch(k -> k.contains(before + "/rendered.pdf"));
    assertThat(pdf(key, before).status()).isEqualTo(200);

    S3.stop();
    boolean down = true;
    try {
      String during = herald.sendLetter(key, template, address);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> failures(during) != null && failures(during) >= 1);
      assertThat(pages(during)).isNull();
      assertThat(pdf(key, before).json().get("errors").get(0).get("error").asString())
          .isEqualTo("PDFNotReadyError");
      Http.Response precompiled =
          http.send(
              "POST",
              "/v2/notifications/letter",
              Tokens.bearer(key),
              Http.json(
                  Map.of(
                      "reference",
                      "during the outage",
                      "content",
                      Base64.getEncoder().encodeToString("%PDF-1.4".getBytes()))));
      assertThat(precompiled.status()).isEqualTo(503);
      assertThat(precompiled.json().get("errors").get(0).get("error").asString())
          .isEqualTo("ServiceUnavailableError");
      assertThat(
              jdbc.sql("SELECT count(*) FROM notifications WHERE client_reference = :ref")
                  .param("ref", "during the outage")
                  .query(Long.class)
                  .single())
          .isZero();
      // A recipient file uploaded meanwhile is refused as the PDF is, and no upload is recorded.
      Http.Response upload =
          herald.upload(
              service,
              template,
              "letters.csv",
              "address line 1,address line 2,postcode\nA Person,1 High Street,SW1A 2AA\n"
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(upload.status()).as(upload.body()).isEqualTo(503);
      assertThat(upload.json().at("/errors/0/error").asString())
          .isEqualTo("ServiceUnavailableError");
      assertThat(
              jdbc.sql("SELECT count(*) FROM uploads WHERE service_id = :service")
                  .param("service", service)
                  .query(Long.class)
                  .single())
          .isZero();

      S3.start();
      down = false;
      // Its next attempt at once rather than after its backoff.
      jdbc.sql(
              """
              UPDATE scheduled_tasks SET execution_time = now()
               WHERE task_name = 'letter-pdf' AND task_instance LIKE :id || '/%'
              """)
          .param("id", during)
          .update();
      await().atMost(Duration.ofSeconds(30)).until(() -> pages(during) != null);
      assertThat(S3.keys(BUCKET)).anyMatch(k -> k.contains(during + "/rendered.pdf"));
      assertThat(pdf(key, during).status()).isEqualTo(200);
    } finally {
      if (down) {
        S3.start();
      }
    }
  }

  private Http.Response pdf(String key, String id) {
    return http.send("GET", "/v2/notifications/" + id + "/pdf", Tokens.bearer(key), null);
  }
}
