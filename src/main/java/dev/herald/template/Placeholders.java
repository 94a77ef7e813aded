package dev.herald.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code ((name))} and {@code ((name??text))} placeholders in template texts. */
public final class Placeholders {

  static final Pattern PATTERN = Pattern.compile("\\(\\(([^()]+)\\)\\)");

  private Placeholders() {}

  /** The names in order of first appearance, as written, one per normalised key. */
  public static List<String> names(String... texts) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      Matcher matcher = PATTERN.matcher(text);
      while (matcher.find()) {
        String name = nameOf(matcher.group(1));
        byKey.putIfAbsent(key(name), name);
      }
    }
    return List.copyOf(byKey.values());
  }

  /** The names whose key is absent from the personalisation or whose value is null. */
  public static List<String> missing(Map<String, ?> personalisation, String... texts) {
    Personalisation values = Personalisation.of(personalisation);
    List<String> missing = new ArrayList<>();
    for (String name : names(texts)) {
      if (values.get(name) == null) {
        missing.add(name);
      }
    }
    return List.copyOf(missing);
  }

  /** The key a name is matched by: lower case, without spaces, underscores or hyphens. */
  public static String key(String name) {
    if (isKey(name)) {
      return name;
    }
    StringBuilder key = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != ' ' && c != '_' && c != '-') {
        key.append(c);
      }
    }
    return key.toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isKey(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ' ' || c == '_' || c == '-' || Character.toLowerCase(c) != c || c > 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** The name part of a placeholder body, which for a conditional is the part before "??". */
  static String nameOf(String body) {
    int conditional = body.indexOf("??");
    return conditional < 0 ? body : body.substring(0, conditional);
  }
}
