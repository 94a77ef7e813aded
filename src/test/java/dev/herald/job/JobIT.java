package dev.herald.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notification.PartitionMaintainer;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Uploads and jobs through the admin API, on the real database and the outbox providers. */
class JobIT extends ApiIT {

  private static final Duration DONE = Duration.ofSeconds(60);

  @Autowired JdbcClient jdbc;
  @Autowired PartitionMaintainer partitions;

  UUID service;
  UUID email;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    email = herald.template(service, "email", "Hello ((name))", "Dear ((name)), your ((thing)).");
  }

  static byte[] csv(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyRowOfAJobBecomesOneNotificationWithItsRowNumberAndReference() {
    Http.Response upload =
        herald.upload(
            service,
            email,
            "people.csv",
            csv(
                "Email Address,name,thing,reference\n"
                    + "one@example.gov.uk,One,claim,ref-1\n"
                    + "two@example.gov.uk,Two,claim,\n"
                    + "three@example.gov.uk,Three,claim,ref-3\n"));
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
    JsonNode data = upload.json().get("data");
    assertThat(data.get("valid").asBoolean()).isTrue();
    assertThat(data.get("row_count").asInt()).isEqualTo(3);
    assertThat(data.at("/check/page/kind").asString()).isEqualTo("ready_to_send");
    assertThat(data.at("/check/page/preview/row_number").asInt()).isEqualTo(2);

    JsonNode job =
        herald
            .adminOk(
                "POST",
                "/admin/services/" + service + "/jobs",
                Map.of("upload_id", data.get("id").asString()))
            .get("data");
    assertThat(job.get("notification_count").asInt()).isEqualTo(3);
    String jobPath = "/admin/services/" + service + "/jobs/" + job.get("id").asString();
    await()
        .atMost(DONE)
        .until(
            () ->
                herald
                    .adminOk("GET", jobPath, null)
                    .at("/data/job_status")
                    .asString()
                    .equals("finished all notifications created"));
    JsonNode finished = herald.adminOk("GET", jobPath, null).get("data");
    assertThat(finished.get("notifications_created").asInt()).isEqualTo(3);
    assertThat(finished.get("processing_finished").isNull()).isFalse();

    List<Map<String, Object>> rows =
        jdbc.sql(
                """
                SELECT job_row_number, client_reference, key_type, api_key_id, status
                  FROM notifications WHERE job_id = :job ORDER BY job_row_number
                """)
            .param("job", UUID.fromString(job.get("id").asString()))
            .query()
            .listOfRows();
    assertThat(rows).extracting(r -> r.get("job_row_number")).containsExactly(0, 1, 2);
    assertThat(rows)
        .extracting(r -> r.get("client_reference"))
        .containsExactly("ref-1", null, "ref-3");
    assertThat(rows).extracting(r -> r.get("key_type")).containsOnly("normal");
    await()
        .atMost(DONE)
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM notifications WHERE job_id = :job AND status = 'delivered'")
                        .param("job", UUID.fromString(job.get("id").asString()))
                        .query(Long.class)
                        .single()
                    == 3);

    // The job-statistics task counts them off the request path, every 10 seconds.
    await()
        .atMost(DONE)
        .until(
            () ->
                herald
                    .adminOk("GET", jobPath, null)
                    .at("/data/statistics")
                    .toString()
                    .equals("[{\"status\":\"delivered\",\"count\":3}]"));
    assertThat(
            jdbc.sql("SELECT statistics_final FROM jobs WHERE id = :job")
                .param("job", UUID.fromString(job.get("id").asString()))
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(
            herald
                .adminOk("GET", "/admin/services/" + service + "/jobs", null)
                .at("/data/0/statistics/0/count")
                .asInt())
        .isEqualTo(3);

    // The v2 list leaves job notifications out unless include_jobs=true.
    String key = herald.key(service, "normal");
    String auth = "Bearer " + Tokens.token(key, clock.instant());
    assertThat(http.send("GET", "/v2/notifications", auth, null).json().get("notifications"))
        .isEmpty();
    JsonNode withJobs =
        http.send("GET", "/v2/notifications?include_jobs=true", auth, null)
            .json()
            .get("notifications");
    assertThat(withJobs).hasSize(3);
    assertThat(withJobs.findValuesAsString("email_address"))
        .containsExactlyInAnyOrder(
            "one@example.gov.uk", "two@example.gov.uk", "three@example.gov.uk");
    assertThat(withJobs.findValuesAsString("subject"))
        .containsExactlyInAnyOrder("Hello One", "Hello Two", "Hello Three");
  }

  @Test
  void aFileWithRowErrorsIsNotValidAndNoJobIsMadeOfIt() {
    Http.Response upload =
        herald.upload(
            service,
            email,
            "people.csv",
            csv("email address,name,thing\nnot an address,One,claim\ntwo@example.gov.uk,,claim\n"));
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
    JsonNode data = upload.json().get("data");
    assertThat(data.get("valid").asBoolean()).isFalse();
    JsonNode page = data.at("/check/page");
    assertThat(page.get("kind").asString()).isEqualTo("row_errors");
    assertThat(page.get("heading").asString()).isEqualTo("There are some problems with people.csv");
    assertThat(page.at("/rows/0/row_number").asInt()).isEqualTo(2);
    assertThat(page.at("/rows/0/cells").findValuesAsString("error"))
        .contains("Not a valid email address");
    assertThat(data.at("/check/rows/bad_recipients").asInt()).isEqualTo(1);
    assertThat(data.at("/check/rows/missing_data").asInt()).isEqualTo(1);

    Http.Response job =
        herald.admin(
            "POST",
            "/admin/services/" + service + "/jobs",
            Map.of("upload_id", data.get("id").asString()));
    assertThat(job.status()).isEqualTo(400);
    assertThat(job.json().at("/errors/0/message").asString())
        .isEqualTo("File is not valid, can't create job");
  }

  @Test
  void anUploadThatIsNotASpreadsheetOrHasNoFileIsRefusedWithNotifysMessages() {
    Http.Response pdf = herald.upload(service, email, "people.pdf", csv("%PDF-1.4"));
    assertThat(pdf.status()).isEqualTo(400);
    assertThat(pdf.json().at("/errors/0/message").asString())
        .isEqualTo("The file must be a spreadsheet that Notify can read");

    Http.Response none = herald.upload(service, email, null, null);
    assertThat(none.status()).as(none.body()).isEqualTo(400);
    assertThat(none.json().at("/errors/0/message").asString())
        .isEqualTo("You need to chose a file to upload");

    byte[] bigXlsx = new byte[Uploads.MAX_SPREADSHEET_BYTES + 1];
    Http.Response big = herald.upload(service, email, "people.xlsx", bigXlsx);
    assertThat(big.status()).isEqualTo(400);
    assertThat(big.json().at("/errors/0/message").asString())
        .isEqualTo("The file must be smaller than 10MB");
  }

  @Test
  void aScheduledJobWaitsForItsTimeAndACancelledOneSendsNothing() {
    Instant now = Instant.parse("2026-03-10T09:00:00Z");
    clock.set(now);
    partitions.createAhead();
    String file = "email address,name,thing\none@example.gov.uk,One,claim\n";
    UUID wait = uploadId(file);
    UUID cancel = uploadId(file);
    String jobs = "/admin/services/" + service + "/jobs";
    String at = "2026-03-10T10:00:00Z";
    assertThat(
            herald
                .adminOk("POST", jobs, Map.of("upload_id", wait.toString(), "scheduled_for", at))
                .at("/data/job_status")
                .asString())
        .isEqualTo("scheduled");
    herald.adminOk("POST", jobs, Map.of("upload_id", cancel.toString(), "scheduled_for", at));
    assertThat(
            herald
                .adminOk("POST", jobs + "/" + cancel + "/cancel", null)
                .at("/data/job_status")
                .asString())
        .isEqualTo("cancelled");
    // Cancelling again, or a job that is not scheduled, is not found.
    assertThat(herald.admin("POST", jobs + "/" + cancel + "/cancel", null).status()).isEqualTo(404);

    // Its task is due by the database's clock (in the past), not by Herald's: it waits.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> status(wait).equals("scheduled"));
    clock.set(Instant.parse(at));
    partitions.createAhead();
    await().atMost(DONE).until(() -> status(wait).equals("finished all notifications created"));
    assertThat(herald.admin("POST", jobs + "/" + wait + "/cancel", null).status()).isEqualTo(404);
    assertThat(status(cancel)).isEqualTo("cancelled");
    assertThat(count(cancel)).isZero();
    assertThat(count(wait)).isEqualTo(1);

    Http.Response past =
        herald.admin(
            "POST",
            jobs,
            Map.of(
                "upload_id", uploadId(file).toString(), "scheduled_for", "2026-03-10T09:59:00Z"));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.json().at("/errors/0/message").asString())
        .isEqualTo("Date cannot be in the past");
    Http.Response far =
        herald.admin(
            "POST",
            jobs,
            Map.of(
                "upload_id", uploadId(file).toString(), "scheduled_for", "2026-03-17T10:00:01Z"));
    assertThat(far.json().at("/errors/0/message").asString())
        .isEqualTo("Date cannot be more than 7 days in the future");
  }

  @Test
  void aJobOverTheDailyLimitWhenItStartsSendsNothing() {
    UUID limited = herald.liveEmailServiceLimitedTo(3);
    UUID template = herald.template(limited, "email", "Hi", "Hello ((name))");
    Http.Response upload =
        herald.upload(
            limited,
            template,
            "people.csv",
            csv(
                "email address,name\na@example.gov.uk,A\nb@example.gov.uk,B\nc@example.gov.uk,C\n"));
    assertThat(upload.json().at("/data/valid").asBoolean()).as(upload.body()).isTrue();
    // One message sent through the API leaves room for two of the file's three.
    sendOne(limited, template, "email", "email_address", "d@example.gov.uk");
    UUID job = jobOf(limited, upload);
    await()
        .atMost(DONE)
        .until(
            () ->
                herald
                    .adminOk("GET", "/admin/services/" + limited + "/jobs/" + job, null)
                    .at("/data/job_status")
                    .asString()
                    .equals("sending limits exceeded"));
    assertThat(count(job)).isZero();
  }

  @Test
  void aJobWhoseInternationalNumbersNoLongerFitTheirLimitWhenItStartsSendsAndCountsNothing() {
    UUID limited =
        herald.liveServiceLimitedTo(
            "international_sms_message_limit", 2, "sms", "international_sms");
    UUID template = herald.template(limited, "sms", null, "Hello ((name))");
    Http.Response upload =
        herald.upload(
            limited,
            template,
            "people.csv",
            csv("phone number,name\n+33 6 12 34 56 78,A\n07811 123456,B\n+33 6 12 34 56 79,C\n"));
    assertThat(upload.json().at("/data/valid").asBoolean()).as(upload.body()).isTrue();
    assertThat(upload.json().at("/data/check/international_sms_count").asInt()).isEqualTo(2);
    // One international message sent through the API leaves room for one of the file's two.
    sendOne(limited, template, "sms", "phone_number", "+33 6 12 34 56 70");
    // (An instance counts its API sends a batch at a time: the text messages' count is its batch.)
    Map<String, Long> before = dailyCounts(limited);
    assertThat(before).containsEntry("international_sms", 1L);
    UUID job = jobOf(limited, upload);
    await()
        .atMost(DONE)
        .until(() -> herald.jobStatus(limited, job).equals("sending limits exceeded"));
    assertThat(count(job)).isZero();
    assertThat(dailyCounts(limited)).as("the job counted against neither limit").isEqualTo(before);
  }

  private Map<String, Long> dailyCounts(UUID service) {
    return jdbc
        .sql("SELECT count_type, count FROM daily_send_counts WHERE service_id = :s")
        .param("s", service)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .list()
        .stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * A job's rows go to the database by COPY in its text format, where a backslash, tab, newline and
   * {@code \N} mean something: a file's values holding them are stored as written.
   */
  @Test
  void valuesWithCopysSpecialCharactersAreStoredAsWritten() {
    String thing = "tab\there, \"quoted\" \\N and a back\\slash\nnew line\r\nand CR";
    String reference = "ref\\N\\1";
    UUID job =
        herald.job(
            service,
            email,
            "people.csv",
            csv(
                "email address,name,thing,reference\none@example.gov.uk,One,\""
                    + thing.replace("\"", "\"\"")
                    + "\","
                    + reference
                    + "\n"));
    await().atMost(DONE).until(() -> status(job).equals("finished all notifications created"));
    Map<String, Object> row =
        jdbc.sql(
                """
                SELECT n.client_reference, p.personalisation ->> 'thing' AS thing, p.recipient
                  FROM notifications n
                  JOIN notification_personal_data p ON p.notification_id = n.id
                 WHERE n.job_id = :job
                """)
            .param("job", job)
            .query()
            .singleRow();
    assertThat(row.get("thing")).isEqualTo(thing);
    assertThat(row.get("client_reference")).isEqualTo(reference);
    assertThat(row.get("recipient")).isEqualTo("one@example.gov.uk");
  }

  private void sendOne(UUID service, UUID template, String type, String field, String to) {
    Http.Response sent =
        http.send(
            "POST",
            "/v2/notifications/" + type,
            "Bearer " + Tokens.token(herald.key(service, "normal"), clock.instant()),
            Http.json(
                Map.of(
                    "template_id",
                    template.toString(),
                    field,
                    to,
                    "personalisation",
                    Map.of("name", "D"))));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
  }

  private UUID jobOf(UUID service, Http.Response upload) {
    return UUID.fromString(
        herald
            .adminOk(
                "POST",
                "/admin/services/" + service + "/jobs",
                Map.of("upload_id", upload.json().at("/data/id").asString()))
            .at("/data/id")
            .asString());
  }

  private UUID uploadId(String file) {
    return herald.validUpload(service, email, "people.csv", csv(file));
  }

  private String status(UUID job) {
    return herald.jobStatus(service, job);
  }

  private long count(UUID job) {
    return jdbc.sql("SELECT count(*) FROM notifications WHERE job_id = :job")
        .param("job", job)
        .query(Long.class)
        .single();
  }
}
