package dev.herald.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.files.ObjectStore;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.SendLetterResponse;

/**
 * A templated letter's PDF: made after the 201, stored, its sheets counted and priced, too long a
 * letter failing validation, a test key's letter received; {@code GET /v2/notifications/{id}/pdf}
 * with the official client and every error of contract §4.5 on the raw wire.
 */
class LetterPdfIT extends ApiIT {

  private static final Duration MADE = Duration.ofSeconds(30);

  @Autowired JdbcClient jdbc;
  @Autowired ObjectStore store;

  private UUID service;
  private String liveKey;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    liveKey = herald.key(service, "normal");
  }

  private UUID template(String postage, String content) {
    return herald.letterTemplate(
        service, postage, content, "Department of Examples\n((office))\nLondon");
  }

  private static Map<String, Object> personalisation(String line1) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("address_line_1", line1);
    p.put("address_line_2", "1 High Street");
    p.put("postcode", "sw1a 2aa");
    p.put("thing", "claim");
    p.put("office", "Room 101");
    return p;
  }

  private JsonNode read(String key, String id) {
    return http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null).json();
  }

  private Map<String, Object> row(String id) {
    return jdbc.sql(
            """
            SELECT status, page_count, billable_units, validation_failure FROM notifications
             WHERE id = CAST(:id AS uuid)
            """)
        .param("id", id)
        .query()
        .singleRow();
  }

  private void awaitPages(String id) {
    await().atMost(MADE).until(() -> row(id).get("page_count") != null);
  }

  @Test
  void aLiveLetterIsMadeCountedAndPricedAndItsPdfIsTheLetter()
      throws NotificationClientException, IOException {
    UUID template = template("first", "Dear ((address_line_1)),\n\nThank you.");
    NotificationClient client = new NotificationClient(liveKey, baseUrl());
    SendLetterResponse sent =
        client.sendLetter(template.toString(), personalisation("Ms A Smith"), "ref-1");
    String id = sent.getNotificationId().toString();
    awaitPages(id);

    assertThat(row(id))
        .containsEntry("status", "created")
        .containsEntry("page_count", 1)
        .containsEntry("billable_units", 1);
    assertThat(client.getNotificationById(id).getStatus()).isEqualTo("accepted");
    // The client (6.0.0) reads none of the cost fields: they are checked on the wire.
    JsonNode raw = read(liveKey, id);
    assertThat(raw.get("is_cost_data_ready").asBoolean()).isTrue();
    assertThat(raw.get("cost_in_pounds").asDouble()).isEqualTo(1.56);
    assertThat(raw.get("cost_details").get("billable_sheets_of_paper").asInt()).isEqualTo(1);
    assertThat(raw.get("cost_details").get("postage").asString()).isEqualTo("first");

    byte[] pdf = client.getPdfForLetter(id);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(new PDFTextStripper().getText(document))
          .contains("MS A SMITH", "SW1A 2AA", "Room 101", "Your claim", "Dear Ms A Smith,");
    }
  }

  @Test
  void thePdfIsADownload() {
    String id = send(liveKey, template("second", "Hello"));
    awaitPages(id);
    Http.Response r =
        http.send("GET", "/v2/notifications/" + id + "/pdf", Tokens.bearer(liveKey), null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(r.raw().headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"" + id + ".pdf\"");
    assertThat(r.body()).startsWith("%PDF-");
  }

  @Test
  void sheetsArePagesPrintedOnBothSides() {
    String threePages = "One\n\n---\n\nTwo\n\n---\n\nThree";
    String id = send(liveKey, template("second", threePages));
    awaitPages(id);
    assertThat(row(id)).containsEntry("page_count", 3).containsEntry("billable_units", 2);
    JsonNode read = read(liveKey, id);
    assertThat(read.get("cost_details").get("billable_sheets_of_paper").asInt()).isEqualTo(2);
    assertThat(read.get("cost_in_pounds").asDouble()).isEqualTo(0.77);
  }

  @Test
  void aLetterOverTenPagesFailsValidationAfterItsAnswerAndItsPdfCanBeRead() {
    String elevenPages = String.join("\n\n---\n\n", java.util.Collections.nCopies(11, "Page"));
    String tenPages = String.join("\n\n---\n\n", java.util.Collections.nCopies(10, "Page"));
    String tooLong = send(liveKey, template("second", elevenPages));
    String justFits = send(liveKey, template("second", tenPages));
    awaitPages(tooLong);
    awaitPages(justFits);

    assertThat(row(tooLong))
        .containsEntry("status", "validation-failed")
        .containsEntry("page_count", 11)
        .containsEntry("billable_units", 0)
        .containsEntry("validation_failure", "letter-too-long");
    JsonNode read = read(liveKey, tooLong);
    assertThat(read.get("status").asString()).isEqualTo("validation-failed");
    assertThat(read.get("completed_at").isNull()).isFalse();
    assertThat(read.get("is_cost_data_ready").asBoolean()).isTrue();
    assertThat(read.get("cost_in_pounds").asDouble()).isZero();
    assertThat(read.get("cost_details").get("billable_sheets_of_paper").asInt()).isZero();
    assertThat(
            http.send("GET", "/v2/notifications/" + tooLong + "/pdf", Tokens.bearer(liveKey), null)
                .status())
        .isEqualTo(200);
    assertThat(row(justFits))
        .containsEntry("status", "created")
        .containsEntry("page_count", 10)
        .containsEntry("billable_units", 5);
  }

  @Test
  void aTestKeysLetterIsReceivedWithAPdfButNeverBilled() throws NotificationClientException {
    String testKey = herald.key(service, "test");
    String id = send(testKey, template("second", "Hello"));
    NotificationClient client = new NotificationClient(testKey, baseUrl());
    await().atMost(MADE).until(() -> client.getNotificationById(id).getStatus().equals("received"));

    assertThat(row(id)).containsEntry("status", "delivered").containsEntry("billable_units", 0);
    Notification read = client.getNotificationById(id);
    assertThat(read.getCompletedAt()).isPresent();
    assertThat(read(testKey, id).get("cost_in_pounds").asDouble()).isZero();
    assertThat(new String(client.getPdfForLetter(id), java.nio.charset.StandardCharsets.ISO_8859_1))
        .startsWith("%PDF-");
  }

  @Test
  void aLetterNotYetMadeHasNoPdfAndNoCost() {
    String id = send(liveKey, template("second", "Hello"));
    awaitPages(id);
    // As it was before its PDF was made.
    jdbc.sql("UPDATE notifications SET page_count = NULL WHERE id = CAST(:id AS uuid)")
        .param("id", id)
        .update();
    jdbc.sql("UPDATE notifications SET billable_units = 0 WHERE id = CAST(:id AS uuid)")
        .param("id", id)
        .update();
    JsonNode read = read(liveKey, id);
    assertThat(read.get("is_cost_data_ready").asBoolean()).isFalse();
    assertThat(read.get("cost_in_pounds").isNull()).isTrue();
    assertThat(read.get("cost_details").isEmpty()).isTrue();
  }

  @Test
  void thePdfErrorsAreNotifysInNotifysOrder() {
    String letter = send(liveKey, template("second", "Hello"));
    awaitPages(letter);
    UUID emailTemplate = herald.template(service, "email", "Subject", "Body");
    String email =
        http.send(
                "POST",
                "/v2/notifications/email",
                Tokens.bearer(liveKey),
                Http.json(
                    Map.of(
                        "template_id", emailTemplate.toString(), "email_address", "a@example.com")))
            .json()
            .get("id")
            .asString();

    assertPdfError("not-a-uuid", 400, "ValidationError", "notification_id is not a valid UUID");
    assertPdfError(UUID.randomUUID().toString(), 404, "NoResultFound", "No result found");
    assertPdfError(email, 400, "BadRequestError", "Notification is not a letter");
    setStatus(letter, "virus-scan-failed");
    assertPdfError(letter, 400, "BadRequestError", "File did not pass the virus scan");
    setStatus(letter, "technical-failure");
    assertPdfError(
        letter,
        400,
        "BadRequestError",
        "PDF not available for letters in status technical-failure");
    setStatus(letter, "pending-virus-check");
    assertPdfError(letter, 400, "PDFNotReadyError", "PDF not available yet, try again later");

    String unmade = send(liveKey, template("second", "Hello"));
    awaitPages(unmade);
    LocalDate expiresOn =
        jdbc.sql("SELECT expires_on FROM notifications WHERE id = CAST(:id AS uuid)")
            .param("id", unmade)
            .query(LocalDate.class)
            .single();
    store.delete(LetterFiles.key(expiresOn, UUID.fromString(unmade), LetterFiles.Kind.RENDERED));
    assertPdfError(unmade, 400, "PDFNotReadyError", "PDF not available yet, try again later");
  }

  private void setStatus(String id, String status) {
    jdbc.sql("UPDATE notifications SET status = :status WHERE id = CAST(:id AS uuid)")
        .param("status", status)
        .param("id", id)
        .update();
  }

  private void assertPdfError(String id, int status, String error, String message) {
    Http.Response r =
        http.send("GET", "/v2/notifications/" + id + "/pdf", Tokens.bearer(liveKey), null);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonNode first = r.json().get("errors").get(0);
    assertThat(first.get("error").asString()).isEqualTo(error);
    assertThat(first.get("message").asString()).isEqualTo(message);
  }

  private String send(String key, UUID template) {
    return herald.sendLetter(key, template, personalisation("A Person"));
  }
}
