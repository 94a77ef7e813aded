package dev.herald.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Applies {@code sanitise_content_for}: removes links and escapes markdown in chosen values. */
public final class ContentSanitiser {

  /** A value before and after sanitising. */
  public record Change(String unsanitised, String sanitised) {}

  /** The personalisation to render with, and the values that changed by key as sent. */
  public record Result(Map<String, Object> personalisation, Map<String, Change> changes) {}

  private static final String MARKDOWN = "`*_(){}[]<>#+-.!|\\";

  private ContentSanitiser() {}

  /** Sanitises the string values whose keys, ignoring case, are listed; others are kept. */
  public static Result sanitise(Map<String, ?> personalisation, List<String> keys) {
    Set<String> wanted =
        keys == null
            ? Set.of()
            : keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    Map<String, Object> sanitised = new LinkedHashMap<>();
    Map<String, Change> changes = new LinkedHashMap<>();
    if (personalisation == null) {
      return new Result(sanitised, changes);
    }
    personalisation.forEach(
        (key, value) -> {
          if (value instanceof String text && wanted.contains(key.toLowerCase(Locale.ROOT))) {
            String clean = sanitise(text);
            sanitised.put(key, clean);
            if (!clean.equals(text)) {
              changes.put(key, new Change(text, clean));
            }
          } else {
            sanitised.put(key, value);
          }
        });
    return new Result(sanitised, changes);
  }

  /**
   * Removes URL-looking text (spacing out bare domains such as {@code example.com}), then escapes
   * markdown characters, in time linear in the text's length; see {@code UrlScanner}.
   */
  public static String sanitise(String text) {
    String withoutLinks = new UrlScanner(text).withoutUrls();
    StringBuilder escaped = new StringBuilder(withoutLinks.length() + withoutLinks.length() / 4);
    for (int i = 0; i < withoutLinks.length(); i++) {
      char c = withoutLinks.charAt(i);
      if (MARKDOWN.indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
