package dev.herald.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Personalisation that nests the email body too deeply to render is refused, not a 500. */
class DeepMarkdownIT extends ApiIT {

  private static final String TOO_DEEP =
      "{\"status_code\":400,\"errors\":[{\"error\":\"BadRequestError\",\"message\":\""
          + "Personalisation makes the email body nested too deeply"
          + " (more than 100 levels of lists, quotes or emphasis)\"}]}";

  private UUID service;
  private String key;
  private UUID emailTemplate;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    key = herald.key(service, "normal");
    emailTemplate = herald.template(service, "email", "About ((name))", "Hello\n\n((name))");
  }

  private Http.Response preview(UUID template, String name) {
    return http.send(
        "POST",
        "/v2/template/" + template + "/preview",
        Tokens.bearer(key),
        Http.json(Map.of("personalisation", Map.of("name", name))));
  }

  private Http.Response send(String type, UUID template, String name) {
    Map<String, Object> body =
        Map.of(
            "template_id",
            template.toString(),
            "sms".equals(type) ? "phone_number" : "email_address",
            "sms".equals(type) ? "07700900123" : "ada@example.gov.uk",
            "personalisation",
            Map.of("name", name));
    return http.send("POST", "/v2/notifications/" + type, Tokens.bearer(key), Http.json(body));
  }

  @Test
  void refusesAPreviewNestedEightHundredLevelsDeep() {
    assertThat(preview(emailTemplate, "* ".repeat(800) + "x").body()).isEqualTo(TOO_DEEP);
    assertThat(preview(emailTemplate, "1. ".repeat(800) + "x").body()).isEqualTo(TOO_DEEP);
  }

  @Test
  void refusesAnEmailNestedFourteenHundredLevelsDeep() {
    assertThat(send("email", emailTemplate, "* ".repeat(1_400) + "x").body()).isEqualTo(TOO_DEEP);
    assertThat(send("email", emailTemplate, "* > ".repeat(1_400) + "x").body()).isEqualTo(TOO_DEEP);
  }

  @Test
  void rendersAndSendsABodyTwentyLevelsDeep() {
    String name = "* ".repeat(20) + "x";

    Http.Response preview = preview(emailTemplate, name);
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().get("html").asString()).contains("x");
    Http.Response sent = send("email", emailTemplate, name);
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
  }

  @Test
  void takesTheSameValueInATextMessageAndAnEmailSubject() {
    String name = "* ".repeat(1_400) + "x";
    UUID sms = herald.template(service, "sms", null, "Hello ((name))");
    UUID subjectOnly = herald.template(service, "email", "About ((name))", "Hello");

    Http.Response text = send("sms", sms, name.substring(0, 800));
    assertThat(text.status()).as(text.body()).isEqualTo(201);
    Http.Response email = send("email", subjectOnly, name);
    assertThat(email.status()).as(email.body()).isEqualTo(201);
    assertThat(preview(subjectOnly, name).status()).isEqualTo(200);
  }
}
