package dev.herald.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every format an upload may be, made in the test and sent to {@code POST
 * /admin/services/{id}/uploads}: the check page for a valid file and for one with a row error, and
 * a job of the valid one delivered.
 */
class UploadFormatsIT extends ApiIT {

  static final List<String> FORMATS = RecipientFiles.FORMATS;

  private static final List<List<String>> VALID =
      List.of(
          List.of("Email address", "name"),
          List.of("one@example.gov.uk", "One"),
          List.of("two@example.gov.uk", "Two"));
  private static final List<List<String>> ONE_BAD =
      List.of(
          List.of("Email address", "name"),
          List.of("one@example.gov.uk", "One"),
          List.of("not an address", "Two"));

  @Autowired JdbcClient jdbc;

  UUID service;
  UUID email;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    email = herald.template(service, "email", "Hello ((name))", "Dear ((name))");
  }

  @ParameterizedTest
  @FieldSource("FORMATS")
  void aValidFileIsReadyToSendAndItsJobDelivers(String format) {
    String name = "people." + format;
    JsonNode data = uploaded(name, RecipientFiles.of(format, VALID));
    assertThat(data.get("valid").asBoolean()).isTrue();
    assertThat(data.get("row_count").asInt()).isEqualTo(2);
    assertThat(data.at("/check/column_headers").valueStream().map(JsonNode::asString))
        .containsExactly("Email address", "name");
    JsonNode page = data.at("/check/page");
    assertThat(page.get("kind").asString()).isEqualTo("ready_to_send");
    assertThat(page.at("/preview/row_number").asInt()).isEqualTo(2);

    UUID job = herald.job(service, email, name, RecipientFiles.of(format, VALID));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql(
                            """
                            SELECT count(*) FROM notifications
                             WHERE job_id = :job AND status = 'delivered'
                            """)
                        .param("job", job)
                        .query(Long.class)
                        .single()
                    == 2);
    assertThat(herald.jobStatus(service, job)).isEqualTo(JobStatus.FINISHED_ALL_CREATED.value());
  }

  @ParameterizedTest
  @FieldSource("FORMATS")
  void aFileWithABadAddressShowsItsRowWithNotifysMessage(String format) {
    String name = "people." + format;
    JsonNode data = uploaded(name, RecipientFiles.of(format, ONE_BAD));
    assertThat(data.get("valid").asBoolean()).isFalse();
    JsonNode page = data.at("/check/page");
    assertThat(page.get("kind").asString()).isEqualTo("row_errors");
    assertThat(page.get("heading").asString()).isEqualTo("There’s a problem with " + name);
    assertThat(page.get("summary").valueStream().map(JsonNode::asString))
        .containsExactly("fix 1 email address");
    assertThat(page.get("rows")).hasSize(1);
    assertThat(page.at("/rows/0/row_number").asInt()).isEqualTo(3);
    assertThat(page.at("/rows/0/cells/0/value").asString()).isEqualTo("not an address");
    assertThat(page.at("/rows/0/cells/0/error").asString()).isEqualTo("Not a valid email address");
    assertThat(data.at("/check/rows/bad_recipients").asInt()).isEqualTo(1);
  }

  private JsonNode uploaded(String name, byte[] file) {
    Http.Response upload = herald.upload(service, email, name, file);
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
    return upload.json().get("data");
  }
}
