package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * {@code POST /v2/notifications/letter} from a template: the official client's {@code sendLetter}
 * and the letter fields of {@code getNotificationById}, every error of contract §3.3 for letters on
 * the raw wire, and what is stored.
 */
class LetterSendIT extends ApiIT {

  @Autowired JdbcClient jdbc;

  private UUID service;
  private UUID template;
  private String liveKey;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    template = letterTemplate(service, "second");
    liveKey = herald.key(service, "normal");
  }

  private UUID letterTemplate(UUID service, String postage) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Client functional letter template " + UUID.randomUUID());
    body.put("template_type", "letter");
    body.put("subject", "Main heading");
    body.put("content", "Hello ((address_line_1))");
    body.put("postage", postage);
    body.put(
        "letter_contact_block",
        "Government Digital Service\nThe White Chapel Building\n10 Whitechapel High Street");
    return UUID.fromString(
        herald
            .adminOk("POST", "/admin/services/" + service + "/templates", body)
            .get("id")
            .asString());
  }

  private Http.Response post(String key, Object body) {
    return http.send(
        "POST",
        "/v2/notifications/letter",
        Tokens.bearer(key),
        body instanceof String text ? text : Http.json(body));
  }

  private Http.Response letter(String key, Map<String, Object> personalisation) {
    return post(
        key, Map.of("template_id", template.toString(), "personalisation", personalisation));
  }

  private static Map<String, Object> address(String... lines) {
    Map<String, Object> personalisation = new LinkedHashMap<>();
    for (int i = 0; i < lines.length - 1; i++) {
      personalisation.put("address_line_" + (i + 1), lines[i]);
    }
    personalisation.put("postcode", lines[lines.length - 1]);
    return personalisation;
  }

  private static void assertError(Http.Response r, int status, String error, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("status_code").asInt()).isEqualTo(status);
    JsonNode first = r.json().get("errors").get(0);
    assertThat(first.get("error").asString()).isEqualTo(error);
    assertThat(first.get("message").asString()).isEqualTo(message);
  }

  @Test
  void theOfficialClientSendsALetterAndReadsItBack() throws NotificationClientException {
    NotificationClient client = new NotificationClient(liveKey, baseUrl());
    String line1 = UUID.randomUUID().toString();
    SendLetterResponse sent =
        client.sendLetter(
            template.toString(),
            Map.of(
                "address_line_1",
                line1,
                "address_line_2",
                "10 Downing Street",
                "postcode",
                "SW1A 2AA"),
            line1);

    assertThat(sent.getBody()).isEqualTo("Hello " + line1);
    assertThat(sent.getSubject()).isEqualTo("Main heading");
    assertThat(sent.getTemplateId()).isEqualTo(template);
    assertThat(sent.getTemplateVersion()).isEqualTo(1);
    assertThat(sent.getReference()).contains(line1);

    Notification read = client.getNotificationById(sent.getNotificationId().toString());
    assertThat(read.getNotificationType()).isEqualTo("letter");
    assertThat(read.getStatus()).isEqualTo("accepted");
    assertThat(read.getLine1()).contains(line1);
    assertThat(read.getLine2()).contains("10 Downing Street");
    assertThat(read.getPostcode()).contains("SW1A 2AA");
    assertThat(read.getPostage()).contains("second");
    assertThat(read.getEmailAddress()).isEmpty();
    assertThat(read.getPhoneNumber()).isEmpty();
    assertThat(read.getEstimatedDelivery()).isPresent();
    assertThat(read.getBody()).isEqualTo("Hello " + line1);
  }

  @Test
  void theAnswerIsNotifysEnvelopeWithTheSubject() {
    Http.Response r = letter(liveKey, address("A Person", "1 High Street", "sw1a 2aa"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode body = r.json();
    assertThat(body.propertyNames())
        .containsExactly("id", "reference", "uri", "template", "scheduled_for", "content");
    assertThat(body.get("content").propertyNames()).containsExactly("body", "subject");
    assertThat(body.get("content").get("subject").asString()).isEqualTo("Main heading");
    assertThat(body.get("scheduled_for").isNull()).isTrue();
    assertThat(body.has("postage")).isFalse();
  }

  @Test
  void theLetterIsStoredWithItsNormalisedAddressPostageAndContactBlockAndNoDeliveryTask() {
    UUID id =
        UUID.fromString(
            letter(liveKey, address("A Person", "1 High Street , ", "London", "sw1a2aa"))
                .json()
                .get("id")
                .asString());

    Map<String, Object> stored =
        jdbc.sql(
                """
                SELECT n.status, n.postage, n.notification_type, p.recipient,
                       p.normalised_recipient, p.reply_to_text
                  FROM notifications n
                  JOIN notification_personal_data p
                    ON p.notification_id = n.id AND p.expires_on = n.expires_on
                 WHERE n.id = :id
                """)
            .param("id", id)
            .query()
            .singleRow();
    assertThat(stored)
        .containsEntry("status", "created")
        .containsEntry("postage", "second")
        .containsEntry("recipient", "A Person\n1 High Street\nLondon\nSW1A 2AA")
        .containsEntry("normalised_recipient", "aperson1highstreetlondonsw1a2aa")
        .containsEntry(
            "reply_to_text",
            "Government Digital Service\nThe White Chapel Building\n10 Whitechapel High Street");
    assertThat(
            jdbc.sql("SELECT count(*) FROM delivery_queue WHERE notification_id = :id")
                .param("id", id)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theTemplatesPostageIsUsedAndAnAddressAbroadSetsItsZone() {
    template = letterTemplate(service, "first");
    UUID international = herald.liveServiceWith("letter", "international_letters");
    String internationalKey = herald.key(international, "normal");
    UUID abroad = letterTemplate(international, "economy");

    assertThat(postageOf(liveKey, address("A Person", "1 High Street", "SW1A 2AA")))
        .isEqualTo("first");
    template = abroad;
    assertThat(
            postageOf(internationalKey, address("A Person", "1 Rue de Rivoli", "Paris", "France")))
        .isEqualTo("europe");
    assertThat(
            postageOf(internationalKey, address("A Person", "1 Main Street", "Springfield", "USA")))
        .isEqualTo("rest-of-world");
    assertThat(postageOf(internationalKey, address("A Person", "1 High Street", "SW1A 2AA")))
        .isEqualTo("economy");
  }

  /** Sends a letter and reads its postage back with the same key. */
  private String postageOf(String key, Map<String, Object> personalisation) {
    Http.Response sent = letter(key, personalisation);
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    return http.send(
            "GET",
            "/v2/notifications/" + sent.json().get("id").asString(),
            Tokens.bearer(key),
            null)
        .json()
        .get("postage")
        .asString();
  }

  @Test
  void everyAddressErrorIsNotifys() {
    String ukOnly = "Must be a real UK postcode";
    assertError(
        letter(liveKey, address("A Person", "SW1A 2AA")),
        400,
        "ValidationError",
        "Address must be at least 3 lines");
    assertError(
        letter(liveKey, address("A\nB\nC\nD\nE", "F", "G", "SW1A 2AA")),
        400,
        "ValidationError",
        "Address must be no more than 7 lines");
    assertError(
        letter(
            liveKey,
            Map.of(
                "address_line_1",
                "1",
                "address_line_2",
                "2",
                "address_line_3",
                "3",
                "address_line_4",
                "4",
                "address_line_5",
                "5",
                "address_line_6",
                "6",
                "address_line_7",
                "7 SW1A 2AA")),
        400,
        "ValidationError",
        "Must be a real UK postcode");
    assertError(
        letter(liveKey, address("...", "1 High Street", "SW1A 2AA")),
        400,
        "ValidationError",
        "The first 2 lines of the address must both include at least one alphanumeric character");
    assertError(
        letter(liveKey, address("A Person", "1 High Street", "XX1 1ZZ")),
        400,
        "ValidationError",
        ukOnly);
    assertError(
        letter(liveKey, address("A Person", "1 Rue de Rivoli", "France")),
        400,
        "ValidationError",
        ukOnly);
    assertError(
        letter(liveKey, address("A Person", "(1 High Street)", "SW1A 2AA")),
        400,
        "ValidationError",
        "Address lines must not start with any of the following characters: @ ( ) = [ ] \u201d \\ / , < >");
    assertError(
        letter(liveKey, address("A Person", "No fixed abode", "SW1A 2AA")),
        400,
        "ValidationError",
        "Must be a real address");
    assertError(
        letter(liveKey, address("A Person", "Unit 1", "BFPO 123", "France")),
        400,
        "ValidationError",
        "The last line of a BFPO address must not be a country.");

    UUID international = herald.liveServiceWith("letter", "international_letters");
    template = letterTemplate(international, "second");
    assertError(
        letter(
            herald.key(international, "normal"), address("A Person", "1 High Street", "Nowhere")),
        400,
        "ValidationError",
        "Last line of address must be a real UK postcode or another country");
  }

  @Test
  void aSevenLineAddressWithLineSevenIsAccepted() {
    Map<String, Object> seven = new LinkedHashMap<>();
    for (int line = 1; line <= 6; line++) {
      seven.put("address_line_" + line, "Line " + line);
    }
    seven.put("address_line_7", "SW1A 2AA");
    seven.put("postcode", "ignored when line 7 is given");
    assertThat(letter(liveKey, seven).status()).isEqualTo(201);
  }

  @Test
  void keysAndServicesThatMayNotSendLettersAreRefused() {
    assertError(
        letter(herald.key(service, "team"), address("A Person", "1 High Street", "SW1A 2AA")),
        403,
        "BadRequestError",
        "Cannot send letters with a team api key");

    UUID trial =
        herald.service(
            Map.of(
                "name",
                "Trial " + UUID.randomUUID(),
                "restricted",
                true,
                "permissions",
                List.of("letter")));
    template = letterTemplate(trial, "second");
    assertError(
        letter(herald.key(trial, "normal"), address("A Person", "1 High Street", "SW1A 2AA")),
        403,
        "BadRequestError",
        "Cannot send letters when service is in trial mode");
    assertThat(
            letter(herald.key(trial, "test"), address("A Person", "1 High Street", "SW1A 2AA"))
                .status())
        .isEqualTo(201);

    UUID noLetters = herald.liveServiceWith("email");
    template = letterTemplate(noLetters, "second");
    assertError(
        letter(herald.key(noLetters, "normal"), address("A Person", "1 High Street", "SW1A 2AA")),
        400,
        "BadRequestError",
        "Service is not allowed to send letters");
  }

  @Test
  void theTemplateAndPersonalisationAreCheckedFirst() {
    UUID email = herald.template(service, "email", "Subject", "Hello");
    assertError(
        post(
            liveKey,
            Map.of(
                "template_id", email.toString(), "personalisation", address("A", "B", "SW1A 2AA"))),
        400,
        "BadRequestError",
        "email template is not suitable for letter notification");
    assertError(
        post(
            liveKey,
            Map.of(
                "template_id",
                template.toString(),
                "personalisation",
                Map.of("postcode", "SW1A 2AA"))),
        400,
        "BadRequestError",
        "Missing personalisation: address_line_1");
    assertError(
        post(liveKey, Map.of("template_id", template.toString())),
        400,
        "ValidationError",
        "personalisation is a required property");
    assertError(
        post(
            liveKey,
            Map.of(
                "template_id", template.toString(),
                "personalisation", address("A", "B", "SW1A 2AA"),
                "postage", "first")),
        400,
        "ValidationError",
        "Additional properties are not allowed (postage was unexpected)");
  }

  @Test
  void aTestKeysLetterIsNeverBilled() {
    String id =
        letter(herald.key(service, "test"), address("A Person", "1 High Street", "SW1A 2AA"))
            .json()
            .get("id")
            .asString();
    JsonNode read =
        http.send("GET", "/v2/notifications/" + id, Tokens.bearer(liveKey), null).json();
    // Accepted until its PDF is made a moment later, then received (LetterPdfIT).
    assertThat(read.get("status").asString()).isIn("accepted", "received");
    assertThat(read.get("is_cost_data_ready").asBoolean()).isTrue();
    assertThat(read.get("cost_in_pounds").asDouble()).isZero();
    assertThat(read.get("cost_details").get("billable_sheets_of_paper").asInt()).isZero();
    assertThat(read.get("cost_details").get("postage").asString()).isEqualTo("second");
  }

  @Test
  void aLetterHasAnEstimatedDeliveryFromTheMomentItIsSent() {
    clock.set(Instant.parse("2026-12-01T10:00:42.123456Z"));
    // Tokens issued at the clock's time, which Herald checks them against.
    String bearer = "Bearer " + Tokens.token(liveKey, clock.instant());
    Http.Response sent =
        http.send(
            "POST",
            "/v2/notifications/letter",
            bearer,
            Http.json(
                Map.of(
                    "template_id",
                    template.toString(),
                    "personalisation",
                    address("A Person", "1 High Street", "SW1A 2AA"))));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    String id = sent.json().get("id").asString();
    JsonNode read = http.send("GET", "/v2/notifications/" + id, bearer, null).json();
    // Created on a Tuesday: printed on Wednesday, then 1 + 4 working days in the post.
    assertThat(read.get("estimated_delivery").asString()).isEqualTo("2026-12-09T16:00:42.123456Z");
    assertThat(read.propertyNames())
        .containsSubsequence(
            "one_click_unsubscribe_url", "estimated_delivery", "is_cost_data_ready");
  }

  @Test
  void anEmailHasNoEstimatedDelivery() {
    String key = herald.key(service, "normal");
    UUID email = herald.template(service, "email", "Subject", "Hello");
    String id =
        http.send(
                "POST",
                "/v2/notifications/email",
                Tokens.bearer(key),
                Http.json(
                    Map.of(
                        "template_id", email.toString(), "email_address", "someone@example.com")))
            .json()
            .get("id")
            .asString();
    JsonNode read = http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null).json();
    assertThat(read.has("estimated_delivery")).isFalse();
  }

  @Test
  void aQrCodeOverItsLimitIsRefusedWithItsDataAndSizes() {
    UUID qrTemplate = herald.letterTemplate(service, "second", "Scan this:\n\nqr: ((link))", null);
    Map<String, Object> personalisation = address("A Person", "1 High Street", "SW1A 2AA");
    personalisation.put("thing", "x");
    String tooLong = "https://www.gov.uk/" + "a".repeat(486);
    personalisation.put("link", tooLong);
    Http.Response r =
        post(
            liveKey,
            Map.of("template_id", qrTemplate.toString(), "personalisation", personalisation));
    assertError(r, 400, "ValidationError", "Cannot create a usable QR code - the link is too long");
    JsonNode error = r.json().get("errors").get(0);
    assertThat(error.propertyNames())
        .containsExactly("error", "message", "data", "num_bytes", "max_bytes");
    assertThat(error.get("data").asString()).isEqualTo(tooLong);
    assertThat(error.get("num_bytes").asInt()).isEqualTo(505);
    assertThat(error.get("max_bytes").asInt()).isEqualTo(504);

    personalisation.put("link", tooLong.substring(1));
    assertThat(
            post(
                    liveKey,
                    Map.of(
                        "template_id", qrTemplate.toString(), "personalisation", personalisation))
                .status())
        .isEqualTo(201);
  }

  @Test
  void aPrecompiledLettersPostageIsFirstSecondOrEconomy() {
    assertError(
        post(
            liveKey, Map.of("reference", "my ref", "content", "JVBERi0xLjQK", "postage", "europe")),
        400,
        "ValidationError",
        "postage invalid. It must be either first, second or economy.");
  }
}
