package dev.herald.template;

/** The three kinds of template, with the names Notify uses on the wire. */
public enum TemplateType {
  SMS("sms"),
  EMAIL("email"),
  LETTER("letter");

  private static final TemplateType[] VALUES = values();

  private final String wireName;

  TemplateType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The type with this wire name, such as {@code "sms"}. */
  public static TemplateType fromWireName(String wireName) {
    for (TemplateType type : VALUES) {
      if (type.wireName.equals(wireName)) {
        return type;
      }
    }
    throw new IllegalArgumentException("Unknown template type " + wireName);
  }
}
