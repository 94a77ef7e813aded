package dev.herald.provider.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Letters on the outbox once their PDF is made, the PDF a download from the outbox. */
class OutboxLettersIT extends ApiIT {

  @Test
  void aLetterIsListedWithItsPdf() {
    UUID service = herald.liveService();
    UUID template = herald.letterTemplate(service, "second", "Dear ((name))", null);
    String id =
        herald.sendLetter(
            herald.key(service, "normal"),
            template,
            Map.of(
                "address_line_1", "Ms A Smith",
                "address_line_2", "1 High Street",
                "postcode", "SW1A 2AA",
                "thing", "claim",
                "name", "Ms Smith"));

    JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> entry(id), e -> e != null);
    assertThat(letter.get("type").asString()).isEqualTo("letter");
    assertThat(letter.get("to").asString()).isEqualTo("Ms A Smith\n1 High Street\nSW1A 2AA");
    assertThat(letter.get("subject").asString()).isEqualTo("Your claim");
    assertThat(letter.get("text").asString()).isEqualTo("1 page, created");
    assertThat(letter.get("pdf").asString()).isEqualTo("/outbox/letters/" + id + ".pdf");

    Http.Response pdf = http.send("GET", letter.get("pdf").asString(), null, null);
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.raw().headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"" + id + ".pdf\"");
    assertThat(pdf.body()).startsWith("%PDF-");
    assertThat(http.send("GET", "/outbox", null, null).body())
        .contains("Letter: Your claim", "download the PDF");
    assertThat(
            http.send("GET", "/outbox/letters/" + UUID.randomUUID() + ".pdf", null, null).status())
        .isEqualTo(404);
    assertThat(http.send("GET", "/outbox/letters/not-an-id.pdf", null, null).status())
        .isEqualTo(404);
  }

  private JsonNode entry(String id) {
    for (JsonNode m : http.send("GET", "/outbox.json", null, null).json().get("messages")) {
      if (m.get("notification_id").asString().equals(id)) {
        return m;
      }
    }
    return null;
  }
}
