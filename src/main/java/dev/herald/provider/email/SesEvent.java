package dev.herald.provider.email;

import dev.herald.api.ApiException;
import dev.herald.notification.NotificationStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What SES reports about one email it sent, read from an SNS notification's {@code Message}: the
 * event type ({@code eventType} for configuration-set event publishing, {@code notificationType}
 * for identity notifications), SES's message id, when it happened ({@code null} when the event does
 * not say), and for a complaint SES's feedback id and the kind of complaint, if given. The
 * complaining addresses are never read.
 */
record SesEvent(
    String type,
    String messageId,
    Instant at,
    String bounceType,
    String feedbackId,
    String complaintType) {

  private static final String COMPLAINT = "Complaint";

  /**
   * Reads an SES event.
   *
   * @throws ApiException (400) when it is not one
   */
  static SesEvent of(JsonNode in) {
    if (!in.isObject()) {
      throw ApiException.badRequest("Message is not an SES event");
    }
    String type =
        text(in.path("eventType"))
            .or(() -> text(in.path("notificationType")))
            .orElseThrow(() -> ApiException.validation("Message has no eventType"));
    String messageId =
        text(in.path("mail").path("messageId"))
            .orElseThrow(() -> ApiException.validation("Message has no mail.messageId"));
    JsonNode detail = in.path(type.toLowerCase(Locale.ROOT));
    String feedbackId = text(detail.path("feedbackId")).orElse(null);
    if (COMPLAINT.equals(type) && feedbackId == null) {
      throw ApiException.validation("Message has no complaint.feedbackId");
    }
    return new SesEvent(
        type,
        messageId,
        text(detail.path("timestamp")).map(SesEvent::instant).orElse(null),
        text(detail.path("bounceType")).orElse(null),
        feedbackId,
        text(detail.path("complaintFeedbackType")).orElse(null));
  }

  /** The status this event means for the notification, if it says anything about delivery. */
  Optional<NotificationStatus> status() {
    return switch (type) {
      case "Delivery" -> Optional.of(NotificationStatus.DELIVERED);
      case "Bounce" ->
          Optional.of(
              "Permanent".equals(bounceType)
                  ? NotificationStatus.PERMANENT_FAILURE
                  : NotificationStatus.TEMPORARY_FAILURE);
      default -> Optional.empty();
    };
  }

  boolean complaint() {
    return COMPLAINT.equals(type);
  }

  private static Optional<String> text(JsonNode value) {
    return value.isString() && !value.asString().isBlank()
        ? Optional.of(value.asString())
        : Optional.empty();
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.validation("timestamp " + text + " is not a valid ISO-8601 date-time");
    }
  }
}
