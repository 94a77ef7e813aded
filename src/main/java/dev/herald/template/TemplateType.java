package dev.herald.template;

import java.util.Arrays;

/** The three kinds of template, with the names Notify uses on the wire. */
public enum TemplateType {
  SMS("sms"),
  EMAIL("email"),
  LETTER("letter");

  private final String wireName;

  TemplateType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The type with this wire name, such as {@code "sms"}. */
  public static TemplateType fromWireName(String wireName) {
    return Arrays.stream(values())
        .filter(type -> type.wireName.equals(wireName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown template type " + wireName));
  }
}
