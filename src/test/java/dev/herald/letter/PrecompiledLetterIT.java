package dev.herald.letter;

import static dev.herald.letter.PrecompiledLetterBuilder.aPrecompiledLetter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import uk.gov.service.notify.LetterResponse;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * Precompiled letters through the v2 API (notify-letters.md §1.2): the official client's {@code
 * sendPrecompiledLetter} and {@code …WithInputStream}, the letter checked after its 201 — passed
 * (address read, sanitised, sheets), failed validation (the PDF as sent readable), refused for
 * active content — and the errors of the POST.
 */
class PrecompiledLetterIT extends ApiIT {

  private static final Duration CHECKED = Duration.ofSeconds(30);

  @Autowired JdbcClient jdbc;

  @TempDir Path directory;

  private UUID service;
  private String liveKey;

  @BeforeEach
  void fixture() {
    service = herald.liveServiceWith("email", "sms", "letter", "international_letters");
    liveKey = herald.key(service, "normal");
  }

  private Map<String, Object> row(String id) {
    return jdbc.sql(
            """
            SELECT n.status, n.page_count, n.billable_units, n.postage, n.validation_failure,
                   CAST(n.invalid_pages AS text) AS invalid_pages, p.recipient
              FROM notifications n
              JOIN notification_personal_data p
                ON p.notification_id = n.id AND p.expires_on = n.expires_on
             WHERE n.id = CAST(:id AS uuid)
            """)
        .param("id", id)
        .query()
        .singleRow();
  }

  private Map<String, Object> awaitChecked(String id) {
    await().atMost(CHECKED).until(() -> !"pending-virus-check".equals(row(id).get("status")));
    return row(id);
  }

  private Http.Response post(String key, Map<String, Object> body) {
    return http.send("POST", "/v2/notifications/letter", Tokens.bearer(key), Http.json(body));
  }

  @Test
  void theOfficialClientSendsAPdfThatPassesAndItsAddressIsRead()
      throws NotificationClientException, IOException {
    byte[] pdf =
        aPrecompiledLetter()
            .withPages(3)
            .withAddress("Ms A Smith", "1 High Street", "Leeds", "ls1 1aa")
            .build();
    Path file = Files.write(directory.resolve("letter.pdf"), pdf);
    NotificationClient client = new NotificationClient(liveKey, baseUrl());

    LetterResponse sent = client.sendPrecompiledLetter("my-ref", file.toFile());
    assertThat(sent.getReference()).contains("my-ref");
    assertThat(sent.getPostage()).contains("second");
    String id = sent.getNotificationId().toString();

    assertThat(awaitChecked(id))
        .containsEntry("status", "created")
        .containsEntry("page_count", 3)
        .containsEntry("billable_units", 2)
        .containsEntry("postage", "second")
        .containsEntry("recipient", "Ms A Smith\n1 High Street\nLeeds\nLS1 1AA");
    JsonNode read =
        http.send("GET", "/v2/notifications/" + id, Tokens.bearer(liveKey), null).json();
    assertThat(read.get("status").asString()).isEqualTo("accepted");
    assertThat(read.get("line_1").asString()).isEqualTo("Provided as PDF");
    assertThat(read.get("line_2").isNull()).isTrue();
    assertThat(read.get("subject").asString()).isEqualTo("Pre-compiled PDF");
    assertThat(read.get("body").asString()).isEmpty();
    assertThat(read.get("cost_details").get("billable_sheets_of_paper").asInt()).isEqualTo(2);
    assertThat(read.get("cost_in_pounds").asDouble()).isEqualTo(0.77);

    try (PDDocument sanitised = Loader.loadPDF(client.getPdfForLetter(id))) {
      assertThat(sanitised.getNumberOfPages()).isEqualTo(3);
      assertThat(new PDFTextStripper().getText(sanitised)).contains("NOTIFY", "LS1 1AA");
    }
  }

  @Test
  void theInputStreamVariantTakesThePostageAndAnAddressAbroadSetsItsZone()
      throws NotificationClientException {
    byte[] pdf =
        aPrecompiledLetter().withAddress("Herr A Schmidt", "Hauptstrasse 1", "Germany").build();
    LetterResponse sent =
        new NotificationClient(liveKey, baseUrl())
            .sendPrecompiledLetterWithInputStream("ref", new ByteArrayInputStream(pdf), "first");
    assertThat(sent.getPostage()).contains("first");
    assertThat(awaitChecked(sent.getNotificationId().toString()))
        .containsEntry("status", "created")
        .containsEntry("postage", "europe");
  }

  @Test
  void aPdfThatFailsACheckKeepsNotifysReasonAndIsReadableAsSent()
      throws NotificationClientException {
    byte[] a5 = aPrecompiledLetter().withPages(2).withMediaBox(PDRectangle.A5).build();
    String id = send(liveKey, a5, null);

    assertThat(awaitChecked(id))
        .containsEntry("status", "validation-failed")
        .containsEntry("validation_failure", "letter-not-a4-portrait-oriented")
        .containsEntry("invalid_pages", "{1,2}")
        .containsEntry("billable_units", 0);
    JsonNode read =
        http.send("GET", "/v2/notifications/" + id, Tokens.bearer(liveKey), null).json();
    assertThat(read.get("status").asString()).isEqualTo("validation-failed");
    assertThat(read.get("cost_in_pounds").asDouble()).isZero();
    assertThat(new NotificationClient(liveKey, baseUrl()).getPdfForLetter(id)).isEqualTo(a5);
  }

  @Test
  void aPdfWithActiveContentIsRefusedAsAVirusWouldBe() {
    byte[] script = aPrecompiledLetter().with(ActiveContentFixtures.javaScriptOpenAction()).build();
    String id = send(liveKey, script, null);

    assertThat(awaitChecked(id)).containsEntry("status", "virus-scan-failed");
    JsonNode read =
        http.send("GET", "/v2/notifications/" + id, Tokens.bearer(liveKey), null).json();
    assertThat(read.get("completed_at").isNull()).isTrue();
    Http.Response pdf =
        http.send("GET", "/v2/notifications/" + id + "/pdf", Tokens.bearer(liveKey), null);
    assertThat(pdf.status()).isEqualTo(400);
    assertThat(pdf.json().get("errors").get(0).get("message").asString())
        .isEqualTo("File did not pass the virus scan");
  }

  @Test
  void aTestKeysLetterThatPassesIsDelivered() {
    String id = send(herald.key(service, "test"), aPrecompiledLetter().build(), null);
    assertThat(awaitChecked(id)).containsEntry("status", "delivered");
    assertThat(
            http.send("GET", "/v2/notifications/" + id, Tokens.bearer(liveKey), null)
                .json()
                .get("status")
                .asString())
        .isEqualTo("received");
  }

  @Test
  void theAnswerIsIdReferenceAndPostageAndBadBase64IsRefused() {
    Http.Response sent =
        post(
            liveKey,
            Map.of(
                "reference",
                "r",
                "content",
                Base64.getEncoder().encodeToString(aPrecompiledLetter().build())));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    assertThat(sent.json().propertyNames()).containsExactly("id", "reference", "postage");
    assertThat(sent.json().get("postage").asString()).isEqualTo("second");

    Http.Response bad = post(liveKey, Map.of("reference", "r", "content", "JVBERi0xLjQ"));
    assertThat(bad.status()).isEqualTo(400);
    JsonNode error = bad.json().get("errors").get(0);
    assertThat(error.get("error").asString()).isEqualTo("BadRequestError");
    assertThat(error.get("message").asString())
        .isEqualTo("Cannot decode letter content (invalid base64 encoding)");
  }

  private String send(String key, byte[] pdf, String postage) {
    Map<String, Object> body =
        postage == null
            ? Map.of("reference", "ref", "content", Base64.getEncoder().encodeToString(pdf))
            : Map.of(
                "reference",
                "ref",
                "content",
                Base64.getEncoder().encodeToString(pdf),
                "postage",
                postage);
    Http.Response r = post(key, body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }
}
