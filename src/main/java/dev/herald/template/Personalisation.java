package dev.herald.template;

import java.util.HashMap;
import java.util.Map;

/** Personalisation values looked up by placeholder key, the last of equal keys winning. */
final class Personalisation {

  private final Map<String, Object> byKey;

  private Personalisation(Map<String, Object> byKey) {
    this.byKey = byKey;
  }

  static Personalisation of(Map<String, ?> values) {
    Map<String, Object> byKey = new HashMap<>();
    if (values != null) {
      values.forEach((name, value) -> byKey.put(Placeholders.key(name), value));
    }
    return new Personalisation(byKey);
  }

  Object get(String name) {
    return byKey.get(Placeholders.key(name));
  }
}
