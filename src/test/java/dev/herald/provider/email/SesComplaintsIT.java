package dev.herald.provider.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.support.Timestamps;
import dev.herald.testdata.Http;
import dev.herald.testdata.RecordingEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SES's complaints coming back through SNS: one complaints row each, the service's complaint
 * callback with Notify's body, and the admin list. The notification's status stays as it is.
 */
class SesComplaintsIT extends SesEventsIT {

  private static final String TOKEN = "a-secret-complaint-token";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final RecordingEndpoint endpoint = new RecordingEndpoint();

  @AfterEach
  void stopEndpoint() {
    endpoint.close();
  }

  @Test
  void aComplaintIsRecordedAndCalledBackOnceHoweverOftenSnsDeliversIt() {
    herald.callback(service, "complaint", endpoint.url(), TOKEN);
    String id = send("my-ref");
    String reference = awaitSending(id);
    Instant complained = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String feedbackId = UUID.randomUUID().toString();
    Map<String, String> message =
        sns.notification(complaint(reference, feedbackId, complained), "2");

    Http.Response first = post(message);

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    Map<String, Object> row = complaintRow(feedbackId);
    assertThat(row)
        .containsEntry("notification_id", UUID.fromString(id))
        .containsEntry("service_id", service)
        .containsEntry("complaint_type", "abuse");
    RecordingEndpoint.Received callback = endpoint.awaitReceived(1, WAIT).getFirst();
    assertThat(callback.authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(callback.contentType()).isEqualTo("application/json");
    assertThat(callback.json())
        .isEqualTo(
            body(id, row.get("id"), "my-ref", "ada@example.gov.uk", Timestamps.format(complained)));
    assertThat(statusOf(id)).isEqualTo("sending");

    await().atMost(WAIT).until(() -> callbackTasks() == 0);
    Http.Response again = post(message);

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(complaintRows(id)).isEqualTo(1);
    assertThat(callbackTasks()).isZero();
    assertThat(endpoint.received()).hasSize(1);
  }

  @Test
  void aComplaintPastTheEmailsRetentionIsCalledBackWithoutTheRecipient() {
    herald.callback(service, "complaint", endpoint.url(), TOKEN);
    String id = send();
    String reference = awaitSending(id);
    jdbc.sql("DELETE FROM notification_personal_data WHERE notification_id = :id")
        .param("id", UUID.fromString(id))
        .update();
    Instant complained = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String feedbackId = UUID.randomUUID().toString();

    post(sns.notification(complaint(reference, feedbackId, complained), "1"));

    RecordingEndpoint.Received callback = endpoint.awaitReceived(1, WAIT).getFirst();
    assertThat(callback.json())
        .isEqualTo(
            body(
                id, complaintRow(feedbackId).get("id"), null, null, Timestamps.format(complained)));
  }

  @Test
  void listsAServicesComplaintsNewestFirst() {
    String older = send();
    String newer = send();
    String olderFeedback = UUID.randomUUID().toString();
    String newerFeedback = UUID.randomUUID().toString();
    Instant complained = Instant.parse("2026-11-03T09:15:00.123Z");
    post(sns.notification(complaint(awaitSending(older), olderFeedback, complained), "2"));
    post(sns.notification(complaint(awaitSending(newer), newerFeedback, complained), "2"));

    JsonNode list = herald.adminOk("GET", "/admin/services/" + service + "/complaints", null);

    JsonNode complaints = list.get("complaints");
    assertThat(complaints).hasSize(2);
    assertThat(complaints.get(0).get("notification_id").asString()).isEqualTo(newer);
    assertThat(complaints.get(0).get("ses_feedback_id").asString()).isEqualTo(newerFeedback);
    assertThat(complaints.get(0).get("service_id").asString()).isEqualTo(service.toString());
    assertThat(complaints.get(0).get("complaint_type").asString()).isEqualTo("abuse");
    assertThat(complaints.get(0).get("complaint_date").asString())
        .isEqualTo("2026-11-03T09:15:00.123000Z");
    assertThat(complaints.get(1).get("notification_id").asString()).isEqualTo(older);
    assertThat(list.get("links").has("next")).isFalse();
    String olderThanNewest = "?older_than=" + complaints.get(0).get("id").asString();
    assertThat(
            herald
                .adminOk(
                    "GET", "/admin/services/" + service + "/complaints" + olderThanNewest, null)
                .get("complaints"))
        .hasSize(1);
  }

  @Test
  void aComplaintAboutAnUnknownEmailIsDroppedAndOneWithoutFeedbackIdRefused() {
    String feedbackId = UUID.randomUUID().toString();

    Http.Response unknown =
        post(sns.notification(complaint("not-an-ses-id", feedbackId, Instant.now()), "2"));
    Http.Response noFeedbackId =
        post(sns.notification(sesEvent("Complaint", "not-an-ses-id", Map.of()), "2"));

    assertThat(unknown.status()).as(unknown.body()).isEqualTo(200);
    assertThat(
            jdbc.sql("SELECT count(*) FROM complaints WHERE ses_feedback_id = :f")
                .param("f", feedbackId)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(noFeedbackId.status()).isEqualTo(400);
    assertThat(noFeedbackId.json().get("errors").get(0).get("message").asString())
        .isEqualTo("Message has no complaint.feedbackId");
  }

  /** A complaint event as SES publishes it, naming the complaining address. */
  private static String complaint(String messageId, String feedbackId, Instant at) {
    return sesEvent(
        "Complaint",
        messageId,
        Map.of(
            "complainedRecipients", List.of(Map.of("emailAddress", "ada@example.gov.uk")),
            "timestamp", at.toString(),
            "feedbackId", feedbackId,
            "complaintFeedbackType", "abuse",
            "arrivalDate", at.toString()));
  }

  /** Notify's complaint callback body. */
  private static JsonNode body(
      String notificationId, Object complaintId, String reference, String to, String date) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("notification_id", notificationId);
    body.put("complaint_id", complaintId.toString());
    body.put("reference", reference);
    body.put("to", to);
    body.put("complaint_date", date);
    return JsonMapper.builder().build().valueToTree(body);
  }

  private Map<String, Object> complaintRow(String feedbackId) {
    return jdbc.sql("SELECT * FROM complaints WHERE ses_feedback_id = :feedbackId")
        .param("feedbackId", feedbackId)
        .query()
        .singleRow();
  }

  private long complaintRows(String notificationId) {
    return jdbc.sql("SELECT count(*) FROM complaints WHERE notification_id = :id")
        .param("id", UUID.fromString(notificationId))
        .query(Long.class)
        .single();
  }

  private long callbackTasks() {
    return jdbc.sql(
            """
            SELECT count(*) FROM scheduled_tasks
             WHERE task_name = 'send-callback' AND task_instance IN (
                   SELECT 'complaint:' || id FROM complaints WHERE service_id = :service)
            """)
        .param("service", service)
        .query(Long.class)
        .single();
  }
}
