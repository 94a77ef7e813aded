package dev.herald.callback;

import java.util.UUID;

/**
 * What a callback is about, written as the id of its task so that the same event cannot be queued
 * twice: {@code delivery_status:<notification id>:<status>}, {@code inbound_sms:<inbound id>} or
 * {@code complaint:<complaint id>}.
 */
record CallbackSubject(String callbackType, UUID subjectId, String notificationStatus) {

  static final String DELIVERY_STATUS = "delivery_status";
  static final String INBOUND_SMS = "inbound_sms";
  static final String COMPLAINT = "complaint";

  static CallbackSubject parse(String taskInstance) {
    String[] parts = taskInstance.split(":", 3);
    return new CallbackSubject(
        parts[0], UUID.fromString(parts[1]), parts.length == 3 ? parts[2] : null);
  }

  String taskInstance() {
    return notificationStatus == null
        ? callbackType + ":" + subjectId
        : callbackType + ":" + subjectId + ":" + notificationStatus;
  }
}
