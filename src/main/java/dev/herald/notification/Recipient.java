package dev.herald.notification;

/** A validated recipient: as sent, normalised, and what it means for sending. */
record Recipient(
    String asSent,
    String normalised,
    boolean international,
    String phonePrefix,
    boolean simulated) {

  @Override
  public String toString() {
    return "Recipient[redacted]";
  }
}
