package dev.herald.provider.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Emails sent through a stand-in for SES, and SES's delivery events coming back through SNS. */
class SnsEventControllerIT extends SesEventsIT {

  @Test
  void aDeliveryEventMarksTheEmailDelivered() {
    String id = send();
    String reference = awaitSending(id);

    Http.Response r = post(sns.notification(event("Delivery", reference, null), "2"));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(statusOf(id)).isEqualTo("delivered");
  }

  @Test
  void aPermanentBounceIsAPermanentFailureAndATransientOneTemporary() {
    String permanent = send();
    String transientBounce = send();
    String permanentReference = awaitSending(permanent);
    String transientReference = awaitSending(transientBounce);

    assertThat(
            post(sns.notification(event("Bounce", permanentReference, "Permanent"), "1")).status())
        .isEqualTo(200);
    assertThat(
            post(sns.notification(event("Bounce", transientReference, "Transient"), "2")).status())
        .isEqualTo(200);

    assertThat(statusOf(permanent)).isEqualTo("permanent-failure");
    assertThat(statusOf(transientBounce)).isEqualTo("temporary-failure");
  }

  @Test
  void aBadSignatureOrAnotherTopicIsRefusedInTheEnvelope() {
    String id = send();
    String reference = awaitSending(id);
    var forged =
        new LinkedHashMap<>(sns.notification(event("Bounce", reference, "Permanent"), "2"));
    forged.put("Message", event("Delivery", reference, null));

    Http.Response r = post(forged);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().get("status_code").asInt()).isEqualTo(403);
    assertThat(r.json().get("errors").get(0).get("error").asString()).isEqualTo("AuthError");
    assertThat(statusOf(id)).isEqualTo("sending");

    var otherTopic = new LinkedHashMap<>(sns.notification(event("Delivery", reference, null), "2"));
    otherTopic.put("TopicArn", "arn:aws:sns:eu-west-2:999999999999:someone-else");
    assertThat(post(sns.signed(otherTopic, "2")).status()).isEqualTo(403);
    assertThat(statusOf(id)).isEqualTo("sending");
  }

  @Test
  void aSubscriptionConfirmationFetchesTheSubscribeUrl() {
    String path = "/confirm-" + UUID.randomUUID();
    String subscribeUrl = ses.serve(path, "<ConfirmSubscriptionResponse/>".getBytes());

    Http.Response r = post(sns.subscriptionConfirmation(subscribeUrl));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(ses.fetches(path)).isEqualTo(1);
  }

  @Test
  void malformedMessagesAreBadRequests() {
    assertThat(http.send("POST", "/providers/ses/events", null, "{not json").status())
        .isEqualTo(400);
    assertThat(
            http.send("POST", "/providers/ses/events", null, "{\"Type\":\"Notification\"}")
                .status())
        .isEqualTo(400);
    assertThat(post(sns.notification("not json", "2")).status()).isEqualTo(400);
    assertThat(post(sns.notification("{\"eventType\":\"Delivery\"}", "2")).status()).isEqualTo(400);
  }

  @Test
  void aMessageIdLongerThanTheMaximumIsRefused() {
    Http.Response r =
        post(sns.notification(event("Delivery", Herald.randomText(100_000), null), "2"));

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("message").asString())
        .isEqualTo("mail.messageId is longer than the maximum of 255 characters");
  }

  @Test
  void anEventTimeBeyondADayAheadIsRefused() {
    String id = send();
    String reference = awaitSending(id);

    Http.Response r =
        post(
            sns.notification(
                sesEvent("Delivery", reference, Map.of("timestamp", "+999999999-12-31T23:59:59Z")),
                "2"));

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("message").asString())
        .isEqualTo(
            "timestamp +999999999-12-31T23:59:59Z is not between 1970-01-01T00:00:00Z and 1 day"
                + " after the time it was received");
    assertThat(statusOf(id)).isEqualTo("sending");
  }

  /** An SES event as SES publishes it; {@code bounceType} only for bounces. */
  private static String event(String type, String messageId, String bounceType) {
    String now = Instant.now().toString();
    return sesEvent(
        type,
        messageId,
        bounceType == null
            ? Map.of("timestamp", now)
            : Map.of("timestamp", now, "bounceType", bounceType));
  }
}
