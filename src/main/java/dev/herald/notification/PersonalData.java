package dev.herald.notification;

/**
 * What a notification holds of a person: kept apart and deleted when the retention period ends.
 * Never logged.
 */
public record PersonalData(
    String recipient,
    String normalisedRecipient,
    String personalisationJson,
    String replyToText,
    String unsubscribeLink) {

  @Override
  public String toString() {
    return "PersonalData[redacted]";
  }
}
