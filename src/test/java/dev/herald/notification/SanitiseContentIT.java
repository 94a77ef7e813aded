package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code sanitise_content_for} on the wire: Notify's rule, in time linear in the value. */
class SanitiseContentIT extends ApiIT {

  private String key;
  private UUID template;

  @BeforeEach
  void fixture() {
    UUID service = herald.liveService();
    key = herald.key(service, "normal");
    template = herald.template(service, "email", "Subject", "Hello ((name))");
  }

  private Http.Response send(String name) {
    return http.send(
        "POST",
        "/v2/notifications/email",
        Tokens.bearer(key),
        Http.json(
            Map.of(
                "template_id",
                template.toString(),
                "email_address",
                "ada@example.gov.uk",
                "personalisation",
                Map.of("name", name),
                "sanitise_content_for",
                List.of("NAME"))));
  }

  @Test
  void removesLinksKeepingWhatFollowsAndSpacesOutBareDomains() {
    Http.Response r = send("[click here](https://example.com) or GOV.UK");

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode change = r.json().get("sanitised_content").get("name");
    assertThat(change.get("sanitised").asString()).isEqualTo("\\[click here\\]\\(\\) or GOV\\. UK");
    assertThat(change.get("unsanitised").asString())
        .isEqualTo("[click here](https://example.com) or GOV.UK");
  }

  @Test
  void sanitisesLongDottedAndHyphenatedValues() {
    String dotted = "a.".repeat(8_000);
    Http.Response r = send(dotted);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("sanitised_content").get("name").get("sanitised").asString())
        .isEqualTo("a\\.".repeat(8_000));
    Http.Response hyphens = send("a-".repeat(8_000) + "a.b");
    assertThat(hyphens.status()).as(hyphens.body()).isEqualTo(201);
  }
}
