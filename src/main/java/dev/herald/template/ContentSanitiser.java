package dev.herald.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Applies {@code sanitise_content_for}: removes links and escapes markdown in chosen values. */
public final class ContentSanitiser {

  /** A value before and after sanitising. */
  public record Change(String unsanitised, String sanitised) {}

  /** The personalisation to render with, and the values that changed by key as sent. */
  public record Result(Map<String, Object> personalisation, Map<String, Change> changes) {}

  private static final Pattern URL_LIKE =
      Pattern.compile(
          "(?i)(?:[a-z][a-z0-9+.-]*://|www\\.)\\S+"
              + "|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}(?:[/?#:]\\S*)?");
  private static final Pattern BARE_DOMAIN = Pattern.compile("[A-Za-z0-9.-]+");
  private static final Pattern MARKDOWN = Pattern.compile("([`*_(){}\\[\\]<>#+\\-.!|\\\\])");

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

  /** Removes URL-looking text (spacing out bare domains), then escapes markdown characters. */
  public static String sanitise(String text) {
    Matcher matcher = URL_LIKE.matcher(text);
    StringBuilder withoutLinks = new StringBuilder();
    while (matcher.find()) {
      String url = matcher.group();
      String replacement = BARE_DOMAIN.matcher(url).matches() ? url.replace(".", ". ") : "";
      matcher.appendReplacement(withoutLinks, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(withoutLinks);
    return MARKDOWN.matcher(withoutLinks).replaceAll("\\\\$1");
  }
}
