package dev.herald.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/** Letter jobs from a spreadsheet whose address columns are named as users name them. */
class LetterJobIT extends ApiIT {

  private static final Duration DONE = Duration.ofSeconds(60);
  private static final List<List<String>> LETTERS =
      List.of(
          List.of("Address line 1", "address_line_2", "Postcode", "thing"),
          List.of("Ms A Smith", "1 High Street", "sw1a 2aa", "claim"),
          List.of("Mr B Jones", "2 Low Road", "SW1A 1AA", "appeal"));

  @Autowired JdbcClient jdbc;

  @Test
  void aLetterJobFromAnXlsxMakesLettersAddressedFromItsColumnsWithTheirPdfs()
      throws IOException, NotificationClientException {
    UUID service = herald.liveService();
    String key = herald.key(service, "normal");
    UUID template =
        herald.letterTemplate(service, "second", "Dear ((address line 1)), your ((thing)).", null);
    UUID job = herald.job(service, template, "letters.xlsx", RecipientFiles.of("xlsx", LETTERS));
    await()
        .atMost(DONE)
        .until(() -> herald.jobStatus(service, job).equals(JobStatus.FINISHED_ALL_CREATED.value()));

    List<String> ids =
        jdbc.sql(
                """
                SELECT id::text FROM notifications
                 WHERE job_id = :job AND notification_type = 'letter' ORDER BY job_row_number
                """)
            .param("job", job)
            .query(String.class)
            .list();
    assertThat(ids).hasSize(2);
    await()
        .atMost(DONE)
        .until(
            () ->
                jdbc.sql(
                            """
                            SELECT count(*) FROM notifications
                             WHERE job_id = :job AND page_count IS NOT NULL
                            """)
                        .param("job", job)
                        .query(Long.class)
                        .single()
                    == ids.size());

    JsonNode second =
        http.send("GET", "/v2/notifications/" + ids.get(1), Tokens.bearer(key), null).json();
    assertThat(second.get("line_1").asString()).isEqualTo("Mr B Jones");
    assertThat(second.get("line_2").asString()).isEqualTo("2 Low Road");
    assertThat(second.get("postcode").asString()).isEqualTo("SW1A 1AA");
    assertThat(second.get("subject").asString()).isEqualTo("Your appeal");

    byte[] pdf = new NotificationClient(key, baseUrl()).getPdfForLetter(ids.get(0));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("MS A SMITH", "1 HIGH STREET", "SW1A 2AA", "Dear Ms A Smith, your claim.");
    }
  }

  @Test
  void aServiceInTrialModeCannotMakeALetterJob() {
    UUID service =
        herald.service(
            Map.of(
                "name",
                "Service " + UUID.randomUUID(),
                "restricted",
                true,
                "permissions",
                List.of("letter")));
    UUID template = herald.letterTemplate(service, "second", "Dear ((address line 1))", null);
    Http.Response upload =
        herald.upload(service, template, "letters.xlsx", RecipientFiles.of("xlsx", LETTERS));
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);

    Http.Response job =
        herald.admin(
            "POST",
            "/admin/services/" + service + "/jobs",
            Map.of("upload_id", upload.json().at("/data/id").asString()));
    assertThat(job.status()).isEqualTo(403);
    assertThat(job.json().at("/errors/0/message").asString())
        .isEqualTo("Create letter job is not allowed for service in trial mode ");
  }
}
