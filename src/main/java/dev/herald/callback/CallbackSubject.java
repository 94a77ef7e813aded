package dev.herald.callback;

import java.util.UUID;

/**
 * What a callback is about, written as the id of its task so that the same event cannot be queued
 * twice: {@code delivery_status:<notification id>:<status>}, {@code inbound_sms:<inbound id>},
 * {@code complaint:<complaint id>} or {@code returned_letter:<returned letter id>}.
 */
record CallbackSubject(String callbackType, UUID subjectId, String notificationStatus) {

  static final String DELIVERY_STATUS = "delivery_status";
  static final String INBOUND_SMS = "inbound_sms";
  static final String COMPLAINT = "complaint";
  static final String RETURNED_LETTER = "returned_letter";

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
