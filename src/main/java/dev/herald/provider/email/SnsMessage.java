package dev.herald.provider.email;

import dev.herald.api.ApiException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One message Amazon SNS posts to an HTTP subscriber: a notification, or a subscription's
 * confirmation request, with the fields its signature covers.
 */
record SnsMessage(
    String type,
    String messageId,
    String topicArn,
    String subject,
    String message,
    String timestamp,
    String subscribeUrl,
    String token,
    String signatureVersion,
    String signature,
    String signingCertUrl) {

  static final String NOTIFICATION = "Notification";
  static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
  static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

  /**
   * Reads the SNS fields of a request body.
   *
   * @throws ApiException (400) when a field is missing or the type is not one SNS sends
   */
  static SnsMessage of(JsonNode in) {
    if (!in.isObject()) {
      throw ApiException.badRequest("Invalid JSON supplied in POST data");
    }
    String type = required(in, "Type");
    boolean notification = NOTIFICATION.equals(type);
    if (!notification
        && !SUBSCRIPTION_CONFIRMATION.equals(type)
        && !UNSUBSCRIBE_CONFIRMATION.equals(type)) {
      throw ApiException.validation("Type " + type + " is not a message type SNS sends");
    }
    return new SnsMessage(
        type,
        required(in, "MessageId"),
        required(in, "TopicArn"),
        optional(in, "Subject").orElse(null),
        required(in, "Message"),
        required(in, "Timestamp"),
        notification ? null : required(in, "SubscribeURL"),
        notification ? null : required(in, "Token"),
        required(in, "SignatureVersion"),
        required(in, "Signature"),
        required(in, "SigningCertURL"));
  }

  /**
   * The text SNS signed: each covered field's name and value on lines of their own, in alphabetical
   * order of the names, as AWS documents for verifying SNS signatures.
   */
  String canonical() {
    var text = new StringBuilder();
    append(text, "Message", message);
    append(text, "MessageId", messageId);
    if (NOTIFICATION.equals(type)) {
      if (subject != null) {
        append(text, "Subject", subject);
      }
    } else {
      append(text, "SubscribeURL", subscribeUrl);
    }
    append(text, "Timestamp", timestamp);
    if (!NOTIFICATION.equals(type)) {
      append(text, "Token", token);
    }
    append(text, "TopicArn", topicArn);
    append(text, "Type", type);
    return text.toString();
  }

  private static void append(StringBuilder text, String name, String value) {
    text.append(name).append('\n').append(value).append('\n');
  }

  private static String required(JsonNode in, String field) {
    return optional(in, field)
        .orElseThrow(() -> ApiException.validation(field + " is a required property"));
  }

  private static Optional<String> optional(JsonNode in, String field) {
    JsonNode value = in.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isString()) {
      throw ApiException.validation(field + " is not of type string");
    }
    return Optional.of(value.asString());
  }
}
