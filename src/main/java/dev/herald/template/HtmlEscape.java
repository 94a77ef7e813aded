package dev.herald.template;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Notify's {@code escape_html}: decodes strict character references, then escapes & < >. */
final class HtmlEscape {

  private static final Pattern REFERENCE =
      Pattern.compile("&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[^\\t\\n\\f <&#;]{1,32};)");

  private static final Map<String, String> KEPT =
      Map.of("&nbsp;", "\uE000", "&amp;", "\uE001", "&lpar;", "\uE002", "&rpar;", "\uE003");

  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("copy", "©"),
          Map.entry("reg", "®"),
          Map.entry("pound", "£"),
          Map.entry("euro", "€"),
          Map.entry("hellip", "…"),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"),
          Map.entry("lsquo", "‘"),
          Map.entry("rsquo", "’"),
          Map.entry("ldquo", "“"),
          Map.entry("rdquo", "”"));

  private HtmlEscape() {}

  static String escape(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    for (var kept : KEPT.entrySet()) {
      value = value.replace(kept.getKey(), kept.getValue());
    }
    value = unescape(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    for (var kept : KEPT.entrySet()) {
      value = value.replace(kept.getValue(), kept.getKey());
    }
    return value;
  }

  private static String unescape(String value) {
    if (value.indexOf('&') < 0) {
      return value;
    }
    Matcher matcher = REFERENCE.matcher(value);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String reference = matcher.group(1);
      String body = reference.substring(0, reference.length() - 1);
      String decoded = decode(body);
      matcher.appendReplacement(
          result, Matcher.quoteReplacement(decoded == null ? matcher.group() : decoded));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private static String decode(String body) {
    if (!body.startsWith("#")) {
      return NAMED.get(body);
    }
    try {
      boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
      int codePoint = Integer.parseInt(body.substring(hex ? 2 : 1), hex ? 16 : 10);
      return Character.isValidCodePoint(codePoint) && codePoint != 0
          ? Character.toString(codePoint)
          : "\uFFFD";
    } catch (NumberFormatException tooBig) {
      return "\uFFFD";
    }
  }
}
