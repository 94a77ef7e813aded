package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RequestValidatorTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TEMPLATE_ID = "4f365dd4-332e-454d-94ff-e393463602db";

  private final RequestValidator sms = RequestValidator.forSchema("schemas/post_sms_request.json");
  private final RequestValidator email =
      RequestValidator.forSchema("schemas/post_email_request.json");

  @Test
  void acceptsValidSms() {
    assertThat(
            sms.validate(
                json(
                    """
                    {"phone_number": "07700900001", "template_id": "%s", "reference": "r",
                     "personalisation": {"name": "Jo"}, "scheduled_for": null,
                     "sms_sender_id": "%s"}
                    """
                        .formatted(TEMPLATE_ID, TEMPLATE_ID))))
        .isEmpty();
  }

  @Test
  void refusesAnUnsubscribeUrlWithALineBreakControlCharacterOrSpace() {
    String refused = "one_click_unsubscribe_url is not a valid https url";
    for (String url :
        List.of(
            "https://example.gov.uk/u\r\nBcc: x@example.com",
            "https://example.gov.uk/u\n",
            "https://example.gov.uk/a b",
            "https://example.gov.uk/\u0000",
            "https://example.gov.uk/\u0085",
            "https://example.gov.uk/\u2028",
            "https://",
            "http://example.gov.uk/u",
            "httpsexample")) {
      assertThat(email.validate(unsubscribe(url))).as(url).contains(refused);
    }
    assertThat(email.validate(unsubscribe("https://example.gov.uk/u?a=1&b=%0D%0A")))
        .doesNotContain(refused);
  }

  private static JsonNode unsubscribe(String url) {
    ObjectNode body = JSON.createObjectNode();
    body.put("email_address", "a@example.gov.uk");
    body.put("template_id", TEMPLATE_ID);
    body.put("one_click_unsubscribe_url", url);
    return body;
  }

  @Test
  void reportsEveryMissingRequiredPropertyInSchemaOrder() {
    assertThat(sms.validate(json("{}")))
        .containsExactly(
            "phone_number is a required property", "template_id is a required property");
  }

  @Test
  void reportsMissingReferenceOfPrecompiledLetter() {
    var precompiled = RequestValidator.forSchema("schemas/post_precompiled_letter_request.json");

    assertThat(precompiled.validate(json("{\"content\": \"YQ==\"}")))
        .containsExactly("reference is a required property");
  }

  @Test
  void reportsInvalidUuidsWithTheFieldName() {
    assertThat(
            sms.validate(
                json(
                    """
                    {"phone_number": "07700900001", "template_id": "not-a-uuid",
                     "sms_sender_id": 7}
                    """)))
        .containsExactly("template_id is not a valid UUID", "sms_sender_id is not a valid UUID");
  }

  @Test
  void reportsInvalidUuidsOfOtherEndpoints() {
    assertThat(validate("get_notifications_request", "{\"older_than\": \"abc\"}"))
        .containsExactly("older_than is not a valid UUID");
    assertThat(validate("get_inbound_sms_request", "{\"older_than\": \"abc\"}"))
        .containsExactly("older_than is not a valid UUID");
    assertThat(validate("get_notification_by_id_request", "{\"notification_id\": \"abc\"}"))
        .containsExactly("notification_id is not a valid UUID");
    assertThat(validate("get_template_by_id_request", "{\"id\": \"abc\"}"))
        .containsExactly("id is not a valid UUID");
    assertThat(validate("post_template_preview_request", "{\"id\": \"abc\"}"))
        .containsExactly("id is not a valid UUID");
  }

  @Test
  void showsThePythonReprOfAValueOfTheWrongType() {
    assertThat(
            sms.validate(
                json(
                    """
                    {"phone_number": null, "template_id": "%s", "personalisation": "not_a_dict"}
                    """
                        .formatted(TEMPLATE_ID))))
        .containsExactly(
            "phone_number None is not of type string",
            "personalisation not_a_dict is not of type object");
    assertThat(
            sms.validate(
                json("{\"phone_number\": 7700900001, \"template_id\": \"%s\"}", TEMPLATE_ID)))
        .containsExactly("phone_number 7700900001 is not of type string");
    assertThat(
            email.validate(json("{\"email_address\": [], \"template_id\": \"%s\"}", TEMPLATE_ID)))
        .containsExactly("email_address [] is not of type string");
  }

  @Test
  void showsANumberBeyondADoubleAsPythonsInfinity() {
    assertThat(
            sms.validate(json("{\"phone_number\": 1e400, \"template_id\": \"%s\"}", TEMPLATE_ID)))
        .containsExactly("phone_number inf is not of type string");
    assertThat(
            sms.validate(json("{\"phone_number\": -1e400, \"template_id\": \"%s\"}", TEMPLATE_ID)))
        .containsExactly("phone_number -inf is not of type string");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.5 | 1.5",
        "1e20 | 1e+20",
        "true | True",
        "[{\"a\": [1, null]}] | [{a: [1, None]}]",
        "\"it's\" | \"its\"",
        "\"tab\\there\" | tab\\there"
      })
  void showsOtherValuesAsPythonWouldPrintThem(String valueAndShown) {
    String[] parts = valueAndShown.split(" \\| ");

    assertThat(
            sms.validate(
                json(
                    "{\"phone_number\": \"1\", \"template_id\": \"%s\", \"personalisation\": %s}",
                    TEMPLATE_ID, parts[0])))
        .containsExactly("personalisation " + parts[1] + " is not of type object");
  }

  @Test
  void reportsReferenceOverAThousandCharacters() {
    String reference = "x".repeat(1001);

    assertThat(
            sms.validate(
                json(
                    "{\"phone_number\": \"07700900001\", \"template_id\": \"%s\", \"reference\": \"%s\"}",
                    TEMPLATE_ID, reference)))
        .containsExactly("reference " + reference + " is too long");
  }

  @Test
  void reportsAdditionalPropertiesWithoutAFieldName() {
    assertThat(
            sms.validate(
                json(
                    "{\"phone_number\": \"07700900001\", \"template_id\": \"%s\", \"template\": 1}",
                    TEMPLATE_ID)))
        .containsExactly("Additional properties are not allowed (template was unexpected)");
    assertThat(
            sms.validate(
                json(
                    "{\"phone_number\": \"07700900001\", \"template_id\": \"%s\", \"b\": 1, \"a\": 2}",
                    TEMPLATE_ID)))
        .containsExactly("Additional properties are not allowed (a, b were unexpected)");
  }

  @Test
  void reportsUnknownStatusesAndTemplateTypesOfTheNotificationsList() {
    assertThat(
            validate(
                "get_notifications_request",
                "{\"status\": [\"elephant\"], \"template_type\": [\"orange\"]}"))
        .containsExactly(
            "status elephant is not one of [cancelled, created, sending, sent, delivered, pending,"
                + " failed, technical-failure, temporary-failure, permanent-failure,"
                + " pending-virus-check, validation-failed, virus-scan-failed, returned-letter,"
                + " accepted, received]",
            "template_type orange is not one of [sms, email, letter]");
  }

  @Test
  void reportsUnknownQueryParametersOfTheNotificationsList() {
    assertThat(validate("get_notifications_request", "{\"include_jobs\": \"yes\", \"x\": \"1\"}"))
        .containsExactly(
            "include_jobs yes is not one of [true, True]",
            "Additional properties are not allowed (x was unexpected)");
  }

  @Test
  void reportsUnknownTemplateTypeOfTheTemplatesList() {
    assertThat(validate("get_templates_request", "{\"type\": \"unknown\"}"))
        .containsExactly("type unknown is not one of [sms, email, letter]");
  }

  @Test
  void reportsInvalidTemplateVersions() {
    assertThat(validate("get_template_by_id_request", "{\"id\": \"%s\", \"version\": \"test\"}"))
        .containsExactly("version test is not of type integer, null");
    assertThat(validate("get_template_by_id_request", "{\"id\": \"%s\", \"version\": 0}"))
        .containsExactly("version 0 is less than the minimum of 1");
  }

  @Test
  void showsTheMessageOfAPluggedInFormatAfterTheFieldName() {
    Function<String, Optional<String>> notAnEmail =
        value -> Optional.of("Not a valid email address");
    var checked = email.withFormat(RequestValidator.EMAIL_ADDRESS, notAnEmail);

    assertThat(
            checked.validate(
                json("{\"email_address\": \"a\", \"template_id\": \"%s\"}", TEMPLATE_ID)))
        .containsExactly("email_address Not a valid email address");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Not enough digits",
        "Too many digits",
        "Not a UK mobile number",
        "Must not contain letters or symbols",
        "Not a valid country prefix",
        "Number is not valid – double check the phone number you entered"
      })
  void showsPhoneNumberMessagesAsTheCheckGivesThem(String message) {
    var checked =
        new RequestValidator(
            "schemas/post_sms_request.json",
            Map.of(RequestValidator.PHONE_NUMBER, value -> Optional.of(message)));

    assertThat(
            checked.validate(
                json("{\"phone_number\": \"1\", \"template_id\": \"%s\"}", TEMPLATE_ID)))
        .containsExactly("phone_number " + message);
  }

  @Test
  void reportsOneClickUnsubscribeUrlThatIsNotHttps() {
    assertThat(
            email.validate(
                json(
                    """
                    {"email_address": "a@b.com", "template_id": "%s",
                     "one_click_unsubscribe_url": "http://example.com/unsubscribe"}
                    """,
                    TEMPLATE_ID)))
        .containsExactly("one_click_unsubscribe_url is not a valid https url");
  }

  @Test
  void checksScheduledForAgainstThePluggedClock() {
    Clock clock = Clock.fixed(Instant.parse("2026-08-01T12:00:00Z"), ZoneOffset.UTC);
    var scheduled =
        sms.withFormat(
            RequestValidator.DATETIME_WITHIN_NEXT_DAY,
            RequestValidator.datetimeWithinNextDay(clock));

    assertThat(scheduled.validate(smsScheduledFor("2026-08-01 11:59")))
        .containsExactly("scheduled_for datetime can not be in the past");
    assertThat(scheduled.validate(smsScheduledFor("2026-08-02T12:01:00Z")))
        .containsExactly("scheduled_for datetime can only be 24 hours in the future");
    assertThat(scheduled.validate(smsScheduledFor("2026-08-02T11:00:00.123456"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"01/08/2026", "2026-13-01", "2026-08-01T25:00", "tomorrow", ""})
  void rejectsScheduledForThatIsNotIso8601(String value) {
    assertThat(sms.validate(smsScheduledFor(value)))
        .containsExactly(
            "scheduled_for datetime format is invalid. It must be a valid ISO8601 date time"
                + " format, https://en.wikipedia.org/wiki/ISO_8601");
  }

  @Test
  void reportsPrecompiledPostageOutsideFirstSecondAndEconomy() {
    assertThat(
            validate(
                "post_precompiled_letter_request",
                "{\"reference\": \"r\", \"content\": \"YQ==\", \"postage\": \"europe\"}"))
        .containsExactly("postage invalid. It must be either first, second or economy.");
  }

  @Test
  void requiresPersonalisationOfATemplatedLetter() {
    assertThat(validate("post_letter_request", "{\"template_id\": \"%s\", \"postage\": \"first\"}"))
        .containsExactly(
            "personalisation is a required property",
            "Additional properties are not allowed (postage was unexpected)");
  }

  @Test
  void reportsSendAFileValuesWithNotifysMessages() {
    assertThat(file("{\"file\": \"YQ==\", \"confirm_email_before_download\": \"potato\"}"))
        .containsExactly(
            "confirm_email_before_download Unsupported value for confirm_email_before_download:"
                + " potato. Use a boolean true or false value.");
    assertThat(file("{\"file\": \"YQ==\", \"retention_period\": \"9999 weeks\"}"))
        .containsExactly(
            "retention_period Unsupported value for retention_period: 9999 weeks. Supported"
                + " periods are from 1 to 78 weeks.");
    assertThat(file("{\"file\": \"YQ==\", \"retention_period\": false}"))
        .containsExactly(
            "retention_period Unsupported value for retention_period: False. Supported"
                + " periods are from 1 to 78 weeks.");
    assertThat(file("{\"file\": \"YQ==\", \"filename\": \"file\"}"))
        .containsExactly(
            "filename `filename` must end with a file extension. For example, filename.csv");
    assertThat(file("{\"file\": \"YQ==\", \"is_csv\": \"X\"}"))
        .containsExactly(
            "is_csv Unsupported value for is_csv: X. Use a boolean true or false value.");
    assertThat(file("{\"file\": \"YQ==\", \"is_csv\": true, \"filename\": \"file.csv\"}"))
        .containsExactly("Do not set a value for `is_csv` if `filename` is set.");
    assertThat(file("{\"file\": \"YQ==\", \"other\": \"attribute\"}"))
        .containsExactly("Additional properties are not allowed (other was unexpected)");
  }

  @Test
  void acceptsSendAFileValuesNotifyAccepts() {
    assertThat(
            file(
                """
                {"file": "YQ==", "filename": "report.csv", "confirm_email_before_download": false,
                 "retention_period": " 1 Week ", "is_csv": null}
                """))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4F365DD4-332E-454D-94FF-E393463602DB",
        "4f365dd4332e454d94ffe393463602db",
        "{4f365dd4-332e-454d-94ff-e393463602db}",
        "urn:uuid:4f365dd4-332e-454d-94ff-e393463602db"
      })
  void parsesUuidsAsLenientlyAsPython(String value) {
    assertThat(RequestValidator.parseUuid(value)).contains(UUID.fromString(TEMPLATE_ID));
    assertThat(sms.validate(json("{\"phone_number\": \"1\", \"template_id\": \"%s\"}", value)))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " 4f365dd4-332e-454d-94ff-e393463602db",
        "4f365dd4-332e-454d-94ff-e393463602db ",
        "4f365dd4-332e-454d-94ff-e393463602d",
        "4f365dd4-332e-454d-94ff-e393463602dg"
      })
  void rejectsUuidsPythonRejects(String value) {
    assertThat(RequestValidator.parseUuid(value)).isEmpty();
  }

  private List<String> file(String body) {
    return validate("post_email_personalisation_file", body);
  }

  private JsonNode smsScheduledFor(String value) {
    return json(
        "{\"phone_number\": \"1\", \"template_id\": \"%s\", \"scheduled_for\": \"%s\"}",
        TEMPLATE_ID, value);
  }

  private static List<String> validate(String schema, String body) {
    return RequestValidator.forSchema("schemas/" + schema + ".json")
        .validate(json(body, TEMPLATE_ID));
  }

  private static JsonNode json(String text, Object... args) {
    return JSON.readTree(text.formatted(args));
  }
}
