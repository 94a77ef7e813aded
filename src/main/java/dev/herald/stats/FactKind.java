package dev.herald.stats;

import java.util.Arrays;

/** The two fact tables; each names its one-off tasks {@code <kind>:<day>:<type>:<service>}. */
enum FactKind {
  STATUS("status"),
  BILLING("billing");

  /** Days rebuilt each night, back from yesterday: statuses are final after the 3-day timeout. */
  static final int EMAIL_AND_SMS_DAYS = 4;

  /** Letters take up to about 9 days to reach a final status. */
  static final int LETTER_DAYS = 10;

  private final String value;

  FactKind(String value) {
    this.value = value;
  }

  String value() {
    return value;
  }

  static FactKind of(String value) {
    return Arrays.stream(values())
        .filter(k -> k.value.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No fact kind " + value));
  }
}
