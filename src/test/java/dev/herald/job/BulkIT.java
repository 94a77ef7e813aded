package dev.herald.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * GC Notify's {@code POST /v2/notifications/bulk} through raw HTTP: the job it makes and every
 * refusal, with its exact envelope, in GC's order.
 */
class BulkIT extends ApiIT {

  private static final Duration DONE = Duration.ofSeconds(60);

  @Autowired JdbcClient jdbc;

  UUID service;
  UUID email;
  String key;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    email = herald.template(service, "email", "Hello ((name))", "Dear ((name)).");
    key = herald.key(service, "normal");
  }

  private Http.Response bulk(String apiKey, Map<String, Object> body) {
    return http.send("POST", "/v2/notifications/bulk", Tokens.bearer(apiKey), Http.json(body));
  }

  private Http.Response bulk(Map<String, Object> body) {
    return bulk(key, body);
  }

  private Map<String, Object> request(Object... pairs) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "bulk send");
    body.put("template_id", email.toString());
    for (int i = 0; i < pairs.length; i += 2) {
      body.put((String) pairs[i], pairs[i + 1]);
    }
    return body;
  }

  private static void assertError(Http.Response r, int status, String error, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("status_code").asInt()).isEqualTo(status);
    assertThat(r.json().at("/errors/0/error").asString()).as(r.body()).isEqualTo(error);
    assertThat(r.json().at("/errors/0/message").asString()).as(r.body()).isEqualTo(message);
    assertThat(r.json().get("errors")).hasSize(1);
  }

  private static void assertBadRequest(Http.Response r, String message) {
    assertError(r, 400, "BadRequestError", message);
  }

  private List<Map<String, Object>> notifications(String jobId) {
    return jdbc.sql(
            """
            SELECT n.job_row_number, n.client_reference, n.key_type, n.api_key_id, p.reply_to_text,
                   n.status
              FROM notifications n
              LEFT JOIN notification_personal_data p ON p.notification_id = n.id
             WHERE n.job_id = :job ORDER BY n.job_row_number
            """)
        .param("job", UUID.fromString(jobId))
        .query()
        .listOfRows();
  }

  @Test
  void rowsBecomeAJobWhoseNotificationsCarryTheKeyTheSenderAndTheReferenceColumn() {
    String replyTo =
        herald
            .adminOk(
                "POST",
                "/admin/services/" + service + "/email-reply-to",
                Map.of("email_address", "replies@example.gov.uk", "is_default", false))
            .get("id")
            .asString();
    Http.Response r =
        bulk(
            request(
                "reply_to_id",
                replyTo,
                "rows",
                List.of(
                    List.of("email address", "name", "reference"),
                    List.of("one@example.gov.uk", "One", "ref-1"),
                    List.of("two@example.gov.uk", "Two", ""),
                    List.of("three@example.gov.uk", 3, "ref-3"))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode job = r.json().get("data");
    assertThat(job.get("job_status").asString()).isEqualTo("pending");
    assertThat(job.get("notification_count").asInt()).isEqualTo(3);
    assertThat(job.get("original_file_name").asString()).isEqualTo("bulk send");
    assertThat(job.get("template").asString()).isEqualTo(email.toString());
    assertThat(job.get("template_version").asInt()).isEqualTo(1);
    assertThat(job.get("service").asString()).isEqualTo(service.toString());
    assertThat(job.at("/service_name/name").asString()).startsWith("Service ");
    assertThat(job.at("/api_key/key_type").asString()).isEqualTo("normal");
    assertThat(job.at("/created_by/name").asString()).isEqualTo("Notify service user");
    assertThat(job.get("sender_id").asString()).isEqualTo(replyTo);
    assertThat(job.get("scheduled_for").isNull()).isTrue();
    assertThat(job.get("archived").asBoolean()).isFalse();
    String keyId = job.at("/api_key/id").asString();

    String jobId = job.get("id").asString();
    await()
        .atMost(DONE)
        .until(
            () ->
                notifications(jobId).stream()
                        .filter(n -> "delivered".equals(n.get("status")))
                        .count()
                    == 3);
    List<Map<String, Object>> rows = notifications(jobId);
    assertThat(rows).extracting(n -> n.get("job_row_number")).containsExactly(0, 1, 2);
    assertThat(rows)
        .extracting(n -> n.get("client_reference"))
        .containsExactly("ref-1", null, "ref-3");
    assertThat(rows).extracting(n -> n.get("key_type")).containsOnly("normal");
    assertThat(rows).extracting(n -> n.get("api_key_id").toString()).containsOnly(keyId);
    assertThat(rows).extracting(n -> n.get("reply_to_text")).containsOnly("replies@example.gov.uk");
    JsonNode status =
        herald.adminOk("GET", "/admin/services/" + service + "/jobs/" + jobId, null).get("data");
    assertThat(status.get("job_status").asString()).isEqualTo("finished all notifications created");
  }

  @Test
  void csvTextIsSentAsItIsAndATestKeysJobIsATestJob() {
    String test = herald.key(service, "test");
    Http.Response r =
        bulk(test, request("csv", "Email address,Name\na@example.gov.uk,A\nb@example.gov.uk,B\n"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String jobId = r.json().at("/data/id").asString();
    assertThat(r.json().at("/data/api_key/key_type").asString()).isEqualTo("test");
    await().atMost(DONE).until(() -> notifications(jobId).size() == 2);
    assertThat(notifications(jobId)).extracting(n -> n.get("key_type")).containsOnly("test");
  }

  @Test
  void aScheduledSendIsAScheduledJob() {
    Instant at = clock.instant().plus(Duration.ofHours(95));
    Http.Response r =
        bulk(
            request(
                "scheduled_for",
                at.toString(),
                "rows",
                List.of(List.of("email address", "name"), List.of("a@example.gov.uk", "A"))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().at("/data/job_status").asString()).isEqualTo("scheduled");
    assertThat(Instant.parse(r.json().at("/data/scheduled_for").asString()))
        .isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
  }

  @Test
  void theRequestIsRefusedInGcNotifysWordsAndOrder() {
    assertError(
        http.send("POST", "/v2/notifications/bulk", Tokens.bearer(key), "{\"name\": "),
        400,
        "BadRequestError",
        http.send("POST", "/v2/notifications/email", Tokens.bearer(key), "{\"name\": ")
            .json()
            .at("/errors/0/message")
            .asString());
    Map<String, Object> noName = request("csv", "email address,name\na@example.gov.uk,A\n");
    noName.remove("name");
    assertError(bulk(noName), 400, "ValidationError", "name is a required property");
    assertError(
        bulk(request("csv", "x", "colour", "blue")),
        400,
        "ValidationError",
        "Additional properties are not allowed (colour was unexpected)");
    assertBadRequest(bulk(request()), "You should specify either rows or csv");
    assertBadRequest(
        bulk(
            request(
                "csv",
                "email address,name\na@example.gov.uk,A\n",
                "rows",
                List.of(List.of("email address", "name"), List.of("a@example.gov.uk", "A")))),
        "You should specify either rows or csv");
    assertError(
        bulk(request("rows", List.of(List.of("email address", "name")))),
        400,
        "ValidationError",
        "rows [[email address, name]] is too short");
    assertError(
        bulk(request("csv", "x", "scheduled_for", clock.instant().minusSeconds(60).toString())),
        400,
        "ValidationError",
        "scheduled_for datetime cannot be in the past");
    assertError(
        bulk(
            request(
                "csv",
                "x",
                "scheduled_for",
                clock.instant().plus(Duration.ofHours(97)).toString())),
        400,
        "ValidationError",
        "scheduled_for datetime can only be up to 96 hours in the future");
    assertError(
        bulk(request("csv", "x", "scheduled_for", "tomorrow")),
        400,
        "ValidationError",
        "scheduled_for datetime format is invalid. It must be a valid ISO8601 date time format,"
            + " https://en.wikipedia.org/wiki/ISO_8601");
    assertError(
        bulk(request("csv", "x", "scheduled_for", 42)),
        400,
        "ValidationError",
        "scheduled_for 42 is not of type string, null");
    assertBadRequest(
        bulk(request("csv", "x", "template_id", UUID.randomUUID().toString())),
        "Template not found");
    UUID emailOnly = herald.liveServiceWith("email");
    UUID sms = herald.template(emailOnly, "sms", null, "Hi ((name))");
    assertBadRequest(
        bulk(herald.key(emailOnly, "normal"), request("csv", "x", "template_id", sms.toString())),
        "Service is not allowed to send text messages");
    String unknownSender = UUID.randomUUID().toString();
    assertBadRequest(
        bulk(request("csv", "x", "reply_to_id", unknownSender)),
        "email_reply_to_id "
            + unknownSender
            + " does not exist in database for service id "
            + service);
    assertBadRequest(
        bulk(
            request(
                "rows",
                List.of(
                    List.of("email address", "name"), List.of("a@example.gov.uk", List.of("A"))))),
        "Error converting to CSV: row 1, cell 1 is not text or a number");
  }

  @Test
  void theFileIsRefusedInGcNotifysWordsAndOrder() {
    UUID two = herald.template(service, "email", "Hi", "((name)) and ((thing))");
    assertBadRequest(
        bulk(request("template_id", two.toString(), "csv", "email address\na@example.gov.uk\n")),
        "Missing column headers: name, thing");
    assertBadRequest(
        bulk(request("csv", "name,thing\nA,B\n")), "Missing column headers: email address");
    assertBadRequest(
        bulk(request("csv", "email address,Email_Address,name\na@example.gov.uk,b@x.gov.uk,A\n")),
        "Duplicate column headers: Email_Address, email address");
    assertBadRequest(
        bulk(request("csv", "email address,name\n")), "Your file is missing some rows");
    assertBadRequest(
        bulk(
            request(
                "rows",
                List.of(
                    List.of("email address", "name"),
                    List.of("a@example.gov.uk", "A"),
                    List.of("b@example.gov.uk", ""),
                    List.of("nope", "C"),
                    List.of("", "D")))),
        "Some rows have errors. Row 1 - `name`: Missing. Row 2 - `email address`: invalid"
            + " recipient. Row 3 - `email address`: Missing.");

    StringBuilder many = new StringBuilder("email address,name\n");
    List<List<Object>> errorRows = new ArrayList<>();
    errorRows.add(List.of("email address", "name"));
    for (int i = 0; i < 25; i++) {
      errorRows.add(List.of("x" + i, "X"));
    }
    String listed = bulk(request("rows", errorRows)).json().at("/errors/0/message").asString();
    assertThat(listed.split("invalid recipient", -1)).hasSize(BulkErrors.ROWS_LISTED + 1);
    for (int i = 0; i <= BulkSend.MAX_ROWS; i++) {
      many.append("person").append(i).append("@example.gov.uk,P\n");
    }
    assertBadRequest(
        bulk(request("csv", many.toString())),
        "Too many rows. Maximum number of rows allowed is " + BulkSend.MAX_ROWS);

    UUID smsTemplate = herald.template(service, "sms", null, "((text))");
    assertBadRequest(
        bulk(
            request(
                "template_id",
                smsTemplate.toString(),
                "rows",
                List.of(
                    List.of("phone number", "text"),
                    List.of("07700900123", "short"),
                    List.of("07700900124", "x".repeat(919))))),
        "Row 2 - has a character count greater than 918 characters. Some messages may be too long"
            + " due to custom content.");
    Map<String, Object> mixed =
        request(
            "template_id",
            smsTemplate.toString(),
            "rows",
            List.of(
                List.of("phone number", "text"),
                List.of("07700 900000", "smoke test"),
                List.of("07700900123", "real")));
    assertBadRequest(
        bulk(mixed), "Bulk sending to testing and non-testing numbers is not supported");
    assertThat(bulk(herald.key(service, "test"), mixed).status()).isEqualTo(201);
  }

  @Test
  void theDailyLimitTrialModeAndTheGuestListAreChecked() {
    UUID limited = herald.liveEmailServiceLimitedTo(2);
    UUID template = herald.template(limited, "email", "Hi", "Hello ((name))");
    String csv = "email address,name\na@example.gov.uk,A\nb@example.gov.uk,B\nc@example.gov.uk,C\n";
    assertBadRequest(
        bulk(
            herald.key(limited, "normal"), request("template_id", template.toString(), "csv", csv)),
        "You only have 2 remaining messages before you reach your daily limit. You've tried to"
            + " send 3 messages.");
    // A test key's sends do not count against the limit.
    assertThat(
            bulk(
                    herald.key(limited, "test"),
                    request("template_id", template.toString(), "csv", csv))
                .status())
        .isEqualTo(201);

    herald.adminOk(
        "POST",
        "/admin/services/" + limited + "/guest-list",
        Map.of("email_addresses", List.of("a@example.gov.uk", "b@example.gov.uk")));
    String team = herald.key(limited, "team");
    assertBadRequest(
        bulk(
            team,
            request(
                "template_id",
                template.toString(),
                "csv",
                "email address,name\na@example.gov.uk,A\nc@example.gov.uk,C\n")),
        "You cannot send to these recipients because you used a team and safelist API key.");
    assertThat(
            bulk(
                    team,
                    request(
                        "template_id",
                        template.toString(),
                        "csv",
                        "email address,name\na@example.gov.uk,A\nb@example.gov.uk,B\n"))
                .status())
        .isEqualTo(201);

    UUID trial =
        herald.service(
            Map.of(
                "name",
                "Service " + UUID.randomUUID(),
                "restricted",
                true,
                "permissions",
                List.of("email", "letter")));
    String trialKey = herald.key(trial, "normal");
    UUID trialEmail = herald.template(trial, "email", "Hi", "Hello ((name))");
    assertBadRequest(
        bulk(
            trialKey,
            request(
                "template_id",
                trialEmail.toString(),
                "csv",
                "email address,name\nc@example.gov.uk,C\n")),
        "You cannot send to these recipients because your service is in trial mode. You can only"
            + " send to members of your team and your safelist.");
    UUID letter = herald.letterTemplate(trial, "second", "Dear ((name))", null);
    assertError(
        bulk(
            trialKey,
            request(
                "template_id",
                letter.toString(),
                "csv",
                "address line 1,address line 2,postcode,name\nA,B,SW1A 1AA,C\n")),
        403,
        "BadRequestError",
        "Cannot send letters when service is in trial mode");
  }
}
