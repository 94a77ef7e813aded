package dev.herald.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * Bilingual letters (notify-letters.md §2.1): a letter template with {@code letter_languages}
 * {@code welsh_then_english} through the admin API, printed Welsh first then English, the Welsh
 * text kept out of the v2 reads.
 */
class WelshLetterIT extends ApiIT {

  private Map<String, Object> bilingual() {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "bilingual " + UUID.randomUUID());
    body.put("template_type", "letter");
    body.put("subject", "Your ((thing))");
    body.put("content", "Dear ((name)),");
    body.put("letter_languages", "welsh_then_english");
    body.put("letter_welsh_subject", "Eich cais");
    body.put("letter_welsh_content", "Annwyl ((name)),");
    return body;
  }

  @Test
  void aBilingualLetterPrintsWelshThenEnglish() throws NotificationClientException, IOException {
    UUID service = herald.liveService();
    JsonNode created =
        herald.adminOk("POST", "/admin/services/" + service + "/templates", bilingual());
    assertThat(created.get("letter_languages").asString()).isEqualTo("welsh_then_english");
    assertThat(created.get("letter_welsh_subject").asString()).isEqualTo("Eich cais");
    UUID template = UUID.fromString(created.get("id").asString());
    String key = herald.key(service, "normal");
    JsonNode v2 = http.send("GET", "/v2/template/" + template, Tokens.bearer(key), null).json();
    assertThat(v2.has("letter_languages")).isFalse();
    assertThat(v2.has("letter_welsh_content")).isFalse();
    assertThat(v2.get("personalisation").propertyNames()).containsExactly("thing", "name");

    String id =
        herald.sendLetter(
            key,
            template,
            Map.of(
                "address_line_1", "Ms A Smith",
                "address_line_2", "1 High Street",
                "postcode", "CF10 1AA",
                "thing", "claim",
                "name", "Ms Smith"));
    NotificationClient client = new NotificationClient(key, baseUrl());
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> client.getPdfForLetter(id).length > 0);
    try (PDDocument pdf = Loader.loadPDF(client.getPdfForLetter(id))) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(2);
      PDFTextStripper first = new PDFTextStripper();
      first.setEndPage(1);
      assertThat(first.getText(pdf)).contains("Eich cais", "Annwyl Ms Smith,", "Tudalen 1 o 1");
      PDFTextStripper second = new PDFTextStripper();
      second.setStartPage(2);
      assertThat(second.getText(pdf)).contains("Your claim", "Dear Ms Smith,", "Page 1 of 1");
    }
    assertThat(
            http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null)
                .json()
                .get("body")
                .asString())
        .isEqualTo("Dear Ms Smith,");
  }

  @Test
  void theWelshTextIsRequiredForABilingualLetterAndOnlyForLetters() {
    UUID service = herald.liveService();
    Map<String, Object> missing = bilingual();
    missing.remove("letter_welsh_content");
    Http.Response r = herald.admin("POST", "/admin/services/" + service + "/templates", missing);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("letter_welsh_content is a required property");

    Map<String, Object> email = bilingual();
    email.put("template_type", "email");
    assertThat(herald.admin("POST", "/admin/services/" + service + "/templates", email).body())
        .contains("are for letters");

    UUID template =
        UUID.fromString(
            herald
                .adminOk("POST", "/admin/services/" + service + "/templates", bilingual())
                .get("id")
                .asString());
    JsonNode english =
        herald.adminOk(
            "PUT",
            "/admin/services/" + service + "/templates/" + template,
            Map.of("letter_languages", "english"));
    assertThat(english.get("letter_languages").asString()).isEqualTo("english");
    assertThat(english.get("letter_welsh_subject").isNull()).isTrue();
  }
}
