package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every send error of the contract that applies to email and SMS, checked on the raw wire. */
class SendErrorsIT extends ApiIT {

  private UUID service;
  private String key;
  private UUID smsTemplate;
  private UUID emailTemplate;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    key = herald.key(service, "normal");
    smsTemplate = herald.template(service, "sms", null, "Hello ((name))");
    emailTemplate = herald.template(service, "email", "Subject", "Hello ((name))");
  }

  private Http.Response post(String type, String body) {
    return http.send("POST", "/v2/notifications/" + type, Tokens.bearer(key), body);
  }

  private Http.Response sms(Map<String, Object> fields) {
    Map<String, Object> body =
        new HashMap<>(
            Map.of(
                "template_id",
                smsTemplate.toString(),
                "phone_number",
                "07700900123",
                "personalisation",
                Map.of("name", "Jo")));
    body.putAll(fields);
    body.values().removeIf(v -> v == REMOVE);
    return post("sms", Http.json(body));
  }

  private static final Object REMOVE = new Object();

  private static String envelope(int status, String error, String message) {
    return "{\"status_code\":"
        + status
        + ",\"errors\":[{\"error\":\""
        + error
        + "\",\"message\":\""
        + message
        + "\"}]}";
  }

  private static void assertError(Http.Response r, int status, String error, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("status_code").asInt()).isEqualTo(status);
    assertThat(
            r.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("error").asString() + ": " + e.get("message").asString()))
        .contains(error + ": " + message);
  }

  @Test
  void refusesInvalidJsonWithTheExactEnvelope() {
    Http.Response r = post("sms", "{not json");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body())
        .isEqualTo(envelope(400, "BadRequestError", "Invalid JSON supplied in POST data"));
    assertThat(post("email", "").body())
        .isEqualTo(envelope(400, "BadRequestError", "Invalid JSON supplied in POST data"));
  }

  @Test
  void treatsAJsonNullBodyAsAnEmptyObject() {
    Http.Response r = post("sms", "null");
    assertError(r, 400, "ValidationError", "phone_number is a required property");
    assertError(r, 400, "ValidationError", "template_id is a required property");
  }

  @Test
  void reportsSchemaErrorsInNotifysWords() {
    assertError(
        sms(Map.of("template_id", "nope")),
        400,
        "ValidationError",
        "template_id is not a valid UUID");
    assertError(
        sms(Map.of("personalisation", "not_a_dict")),
        400,
        "ValidationError",
        "personalisation not_a_dict is not of type object");
    assertError(
        sms(Map.of("template", "x")),
        400,
        "ValidationError",
        "Additional properties are not allowed (template was unexpected)");
    assertError(
        sms(Map.of("phone_number", 7700900001L)),
        400,
        "ValidationError",
        "phone_number 7700900001 is not of type string");
    assertError(
        sms(Map.of("reference", "x".repeat(1001))),
        400,
        "ValidationError",
        "reference " + "x".repeat(1001) + " is too long");
  }

  @Test
  void reportsInvalidPhoneNumbersAndEmailAddresses() {
    assertError(
        sms(Map.of("phone_number", "")), 400, "ValidationError", "phone_number Not enough digits");
    assertError(
        sms(Map.of("phone_number", "07700900123a")),
        400,
        "ValidationError",
        "phone_number Must not contain letters or symbols");
    Http.Response r =
        post(
            "email",
            Http.json(
                Map.of("template_id", emailTemplate.toString(), "email_address", "not-an-email")));
    assertError(r, 400, "ValidationError", "email_address Not a valid email address");
  }

  @Test
  void refusesAChannelTheServiceMayNotUse() {
    UUID emailOnly = herald.liveServiceWith("email");
    String emailOnlyKey = herald.key(emailOnly, "normal");
    UUID template = herald.template(emailOnly, "sms", null, "Hi");
    Http.Response r =
        http.send(
            "POST",
            "/v2/notifications/sms",
            Tokens.bearer(emailOnlyKey),
            Http.json(Map.of("template_id", template.toString(), "phone_number", "07700900123")));
    assertThat(r.body())
        .isEqualTo(
            envelope(400, "BadRequestError", "Service is not allowed to send text messages"));
  }

  @Test
  void refusesEmailsFromAServiceThatMayNotSendThem() {
    UUID smsOnly = herald.liveServiceWith("sms");
    UUID template = herald.template(smsOnly, "email", "S", "Hi");
    Http.Response r =
        http.send(
            "POST",
            "/v2/notifications/email",
            Tokens.bearer(herald.key(smsOnly, "normal")),
            Http.json(
                Map.of("template_id", template.toString(), "email_address", "a@example.gov.uk")));
    assertThat(r.body())
        .isEqualTo(envelope(400, "BadRequestError", "Service is not allowed to send emails"));
  }

  @Test
  void refusesAnUnsubscribeUrlThatIsNotOneHttpsUrlOnOneLine() {
    for (String url :
        new String[] {
          "https://example.gov.uk/unsubscribe\r\nBcc: victim@example.com",
          "https://example.gov.uk/unsubscribe\n",
          "https://example.gov.uk/a b",
          "https://example.gov.uk/\u0007",
          "https://example.gov.uk/\u2028",
          "https://",
          "http://example.gov.uk/unsubscribe"
        }) {
      Http.Response r =
          post(
              "email",
              Http.json(
                  Map.of(
                      "template_id",
                      emailTemplate.toString(),
                      "email_address",
                      "a@example.gov.uk",
                      "personalisation",
                      Map.of("name", "Jo"),
                      "one_click_unsubscribe_url",
                      url)));
      assertThat(r.body())
          .as(url)
          .isEqualTo(
              envelope(
                  400, "ValidationError", "one_click_unsubscribe_url is not a valid https url"));
    }
    Http.Response sent =
        post(
            "email",
            Http.json(
                Map.of(
                    "template_id",
                    emailTemplate.toString(),
                    "email_address",
                    "a@example.gov.uk",
                    "personalisation",
                    Map.of("name", "Jo"),
                    "one_click_unsubscribe_url",
                    "https://example.gov.uk/unsubscribe?u=1&t=%20x")));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
  }

  @Test
  void refusesAnEmailOverTwoMillionBytes() {
    UUID template = herald.template(service, "email", "S", "((body))");
    Http.Response r =
        post(
            "email",
            Http.json(
                Map.of(
                    "template_id",
                    template.toString(),
                    "email_address",
                    "a@example.gov.uk",
                    "personalisation",
                    Map.of("body", "é".repeat(1_000_001)))));
    assertThat(r.body())
        .isEqualTo(
            envelope(
                400,
                "BadRequestError",
                "Your message is too long. Emails cannot be longer than 2000000 bytes. Your message is 2000002 bytes."));
  }

  @Test
  void refusesUnknownWrongTypeAndArchivedTemplates() {
    assertError(
        sms(Map.of("template_id", UUID.randomUUID().toString())),
        400,
        "BadRequestError",
        "Template not found");
    assertError(
        sms(Map.of("template_id", emailTemplate.toString())),
        400,
        "BadRequestError",
        "email template is not suitable for sms notification");
    herald.adminOk(
        "POST", "/admin/services/" + service + "/templates/" + smsTemplate + "/archive", null);
    assertError(sms(Map.of()), 400, "BadRequestError", "Template has been deleted");
  }

  @Test
  void refusesMissingPersonalisationAndEmptyOrLongMessages() {
    assertError(
        sms(Map.of("personalisation", Map.of())),
        400,
        "BadRequestError",
        "Missing personalisation: name");
    UUID empty = herald.template(service, "sms", null, "((body))");
    assertError(
        sms(Map.of("template_id", empty.toString(), "personalisation", Map.of("body", ""))),
        400,
        "BadRequestError",
        "Your message is empty.");
    assertError(
        sms(
            Map.of(
                "template_id",
                empty.toString(),
                "personalisation",
                Map.of("body", "a".repeat(919)))),
        400,
        "BadRequestError",
        "Your message is too long. Text messages cannot be longer than 918 characters. Your message is 919 characters long.");
  }

  @Test
  void restrictsTeamKeysAndTrialModeToTheTeamAndGuestList() {
    String team = herald.key(service, "team");
    Http.Response r =
        http.send(
            "POST",
            "/v2/notifications/sms",
            Tokens.bearer(team),
            Http.json(
                Map.of(
                    "template_id",
                    smsTemplate.toString(),
                    "phone_number",
                    "07700900123",
                    "personalisation",
                    Map.of("name", "x"))));
    assertThat(r.body())
        .isEqualTo(
            envelope(
                400,
                "BadRequestError",
                "Can\\u2019t send to this recipient using a team-only API key"));

    herald.adminOk("PATCH", "/admin/services/" + service, Map.of("restricted", true));
    assertThat(sms(Map.of()).body())
        .isEqualTo(
            envelope(
                400,
                "BadRequestError",
                "Can\\u2019t send to this recipient when service is in trial mode \\u2013 see https://www.notifications.service.gov.uk/trial-mode"));

    herald.adminOk(
        "POST",
        "/admin/services/" + service + "/guest-list",
        Map.of("phone_numbers", List.of("+44 7700 900123")));
    assertThat(sms(Map.of()).status()).isEqualTo(201);
    String test = herald.key(service, "test");
    assertThat(
            http.send(
                    "POST",
                    "/v2/notifications/sms",
                    Tokens.bearer(test),
                    Http.json(
                        Map.of(
                            "template_id",
                            smsTemplate.toString(),
                            "phone_number",
                            "07700900999",
                            "personalisation",
                            Map.of("name", "x"))))
                .status())
        .isEqualTo(201);
  }

  @Test
  void refusesInternationalNumbersAndLandlinesWithoutPermission() {
    UUID ukOnly = herald.liveServiceWith("sms");
    String ukKey = herald.key(ukOnly, "normal");
    UUID template = herald.template(ukOnly, "sms", null, "Hi");
    BiFunction<String, String, String> send =
        (space, number) ->
            http.send(
                    "POST",
                    "/v2/notifications/sms",
                    Tokens.bearer(ukKey),
                    Http.json(
                        Map.of(
                            "template_id",
                            template.toString(),
                            "phone_number",
                            space + number + space)))
                .body();
    for (String space : List.of("", " ")) {
      assertThat(send.apply(space, "+1 202 555 0104"))
          .isEqualTo(
              envelope(400, "BadRequestError", "Cannot send to international mobile numbers"));
      assertThat(send.apply(space, "020 7946 0000"))
          .isEqualTo(envelope(400, "InvalidPhoneError", "Not a UK mobile number"));
    }
  }

  @Test
  void answersSmokeTestRecipientsWithoutStoringThem() {
    Http.Response r = sms(Map.of("phone_number", "07700900000"));
    assertThat(r.status()).isEqualTo(201);
    String id = r.json().get("id").asString();
    assertThat(http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null).body())
        .isEqualTo(envelope(404, "NoResultFound", "No result found"));
  }

  @Test
  void answersBadIdsAndUnknownRoutesAsNotifyDoes() {
    assertThat(http.send("GET", "/v2/notifications/nope", Tokens.bearer(key), null).body())
        .isEqualTo(envelope(400, "ValidationError", "notification_id is not a valid UUID"));
    assertThat(http.send("GET", "/v2/template/nope", Tokens.bearer(key), null).body())
        .isEqualTo(envelope(400, "ValidationError", "id is not a valid UUID"));
    assertThat(
            http.send(
                    "GET", "/v2/template/" + smsTemplate + "/version/abc", Tokens.bearer(key), null)
                .status())
        .isEqualTo(404);
    Http.Response unknownType = post("fax", "{}");
    assertThat(unknownType.status()).isEqualTo(404);
    assertThat(unknownType.json().get("result").asString()).isEqualTo("error");
    assertThat(
            http.send("GET", "/v2/notifications?status=elephant", Tokens.bearer(key), null)
                .json()
                .get("errors")
                .get(0)
                .get("message")
                .asString())
        .startsWith("status elephant is not one of [cancelled, created, sending");
  }

  @Test
  void refusesAHugeBodyWithA4xx() {
    Http.Response r = sms(Map.of("personalisation", Map.of("name", "x".repeat(3_000_000))));
    assertThat(r.status()).isBetween(400, 499);
    assertThat(r.json().get("errors")).isNotNull();
  }

  @Test
  void enforcesTheRateLimitPerServiceAndKeyType() {
    herald.adminOk("PATCH", "/admin/services/" + service, Map.of("rate_limit", 3));
    int accepted = 0;
    Http.Response last = null;
    for (int i = 0; i < 4; i++) {
      last = sms(Map.of());
      accepted += last.status() == 201 ? 1 : 0;
    }
    assertThat(accepted).isEqualTo(2);
    assertThat(last.body())
        .isEqualTo(
            envelope(
                429,
                "RateLimitError",
                "Exceeded rate limit for key type LIVE of 3 requests per 60 seconds"));
    String test = herald.key(service, "test");
    assertThat(
            http.send(
                    "POST",
                    "/v2/notifications/sms",
                    Tokens.bearer(test),
                    Http.json(
                        Map.of(
                            "template_id",
                            smsTemplate.toString(),
                            "phone_number",
                            "07700900123",
                            "personalisation",
                            Map.of("name", "x"))))
                .status())
        .isEqualTo(201);
  }

  @Test
  void enforcesTheDailyLimitPerType() {
    herald.adminOk("PATCH", "/admin/services/" + service, Map.of("sms_message_limit", 2));
    assertThat(sms(Map.of()).status()).isEqualTo(201);
    assertThat(sms(Map.of()).status()).isEqualTo(201);
    assertThat(sms(Map.of()).body())
        .isEqualTo(
            envelope(429, "TooManyRequestsError", "Exceeded send limits (sms: 2) for today"));
    Http.Response email =
        post(
            "email",
            Http.json(
                Map.of(
                    "template_id",
                    emailTemplate.toString(),
                    "email_address",
                    "a@example.gov.uk",
                    "personalisation",
                    Map.of("name", "x"))));
    assertThat(email.status()).isEqualTo(201);
  }

  @Test
  void readsTheBodyAsJsonWhateverTheContentType() {
    String body =
        Http.json(
            Map.of(
                "template_id", smsTemplate.toString(),
                "phone_number", "07700900123",
                "personalisation", Map.of("name", "Jo")));
    Http.Response r =
        http.send(
            "POST",
            "/v2/notifications/sms",
            Tokens.bearer(key),
            body,
            "application/x-www-form-urlencoded");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void refusesABodyOverTenMegabytesWith413() {
    Http.Response r = sms(Map.of("reference", "x".repeat(11 * 1024 * 1024)));
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().get("errors").get(0).get("error").asString()).isEqualTo("BadRequestError");
  }

  @Test
  void previewsReportPersonalisationThatIsNotAnObject() {
    Http.Response r =
        http.send(
            "POST",
            "/v2/template/" + smsTemplate + "/preview",
            Tokens.bearer(key),
            "{\"personalisation\": \"abc\"}");
    assertThat(r.body())
        .isEqualTo(envelope(400, "ValidationError", "personalisation abc is not of type object"));
  }
}
