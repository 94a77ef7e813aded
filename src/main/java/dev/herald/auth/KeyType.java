package dev.herald.auth;

import java.util.Arrays;
import java.util.Optional;

/** Notify's key types: live ("normal"), team and guest list ("team"), and test. */
public enum KeyType {
  NORMAL("normal", "LIVE"),
  TEAM("team", "TEAM"),
  TEST("test", "TEST");

  private final String value;
  private final String label;

  KeyType(String value, String label) {
    this.value = value;
    this.label = label;
  }

  public String value() {
    return value;
  }

  /** The name used in rate-limit messages: {@code LIVE}, {@code TEAM} or {@code TEST}. */
  public String label() {
    return label;
  }

  public static Optional<KeyType> of(String value) {
    return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
  }
}
