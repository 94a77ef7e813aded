package dev.herald.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Notify's "nice typography": smart quotes, en dashes and no space before punctuation. */
final class Typography {

  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
  private static final String PUNCTUATION = "[!\"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]";
  private static final String OPENER = "(\\s|&nbsp;|--|&[mn]dash;|&#821[12];|&#x201[34];)";
  private static final String CLOSER = "([^ \\t\\r\\n\\[{(\\-])";

  private static final Pattern FIRST_SINGLE =
      Pattern.compile("^'(?=" + PUNCTUATION + "\\B)", FLAGS);
  private static final Pattern FIRST_DOUBLE =
      Pattern.compile("^\"(?=" + PUNCTUATION + "\\B)", FLAGS);
  private static final Pattern DOUBLE_SINGLE = Pattern.compile("\"'(?=\\w)", FLAGS);
  private static final Pattern SINGLE_DOUBLE = Pattern.compile("'\"(?=\\w)", FLAGS);
  private static final Pattern DECADE = Pattern.compile("\\b'(?=\\d{2}s)", FLAGS);
  private static final Pattern OPENING_SINGLE = Pattern.compile(OPENER + "'(?=\\w)", FLAGS);
  private static final Pattern CLOSING_SINGLE =
      Pattern.compile(CLOSER + "'(?!\\s|s\\b|\\d)", FLAGS);
  private static final Pattern CLOSING_SINGLE_S = Pattern.compile(CLOSER + "'(\\s|s\\b)", FLAGS);
  private static final Pattern OPENING_DOUBLE = Pattern.compile(OPENER + "\"(?=\\w)", FLAGS);
  private static final Pattern CLOSING_DOUBLE_SPACE = Pattern.compile("\"(?=\\s)", FLAGS);
  private static final Pattern CLOSING_DOUBLE = Pattern.compile(CLOSER + "\"", FLAGS);

  private static final Pattern EMAIL_WITH_SMART_QUOTES =
      Pattern.compile("[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\\-‘’]+@([^.@][^@\\s]+)", Pattern.MULTILINE);
  private static final Pattern SPACED_HYPHENS = Pattern.compile("\\s+[-–—]{1,3}\\s+", FLAGS);

  private Typography() {}

  /** Notify's {@code do_nice_typography}. */
  static String nice(String value) {
    return enDashes(unquoteEmailAddresses(smartQuotes(Whitespace.removeBeforePunctuation(value))));
  }

  /** Turns straight quotes into curly ones, following SmartyPants. */
  static String smartQuotes(String text) {
    text = replace(text, '\'', FIRST_SINGLE, "’");
    text = replace(text, '"', FIRST_DOUBLE, "”");
    text = replace(text, '"', DOUBLE_SINGLE, "“‘");
    text = replace(text, '"', SINGLE_DOUBLE, "‘“");
    text = replace(text, '\'', DECADE, "’");
    text = replace(text, '\'', OPENING_SINGLE, "$1‘");
    text = replace(text, '\'', CLOSING_SINGLE, "$1’");
    text = replace(text, '\'', CLOSING_SINGLE_S, "$1’$2");
    text = text.replace("'", "‘");
    text = replace(text, '"', OPENING_DOUBLE, "$1“");
    text = replace(text, '"', CLOSING_DOUBLE_SPACE, "”");
    text = replace(text, '"', CLOSING_DOUBLE, "$1”");
    return text.replace("\"", "“");
  }

  // Each pattern matches only text with this character in it, and no replacement adds a straight
  // quote: most text has none, and a regex pass over it found nothing (a fifth of a delivery's
  // CPU).
  private static String replace(String text, char needed, Pattern pattern, String replacement) {
    return text.indexOf(needed) < 0 ? text : pattern.matcher(text).replaceAll(replacement);
  }

  static String unquoteEmailAddresses(String text) {
    if (text.indexOf('‘') < 0 && text.indexOf('’') < 0) {
      return text;
    }
    Matcher matcher = EMAIL_WITH_SMART_QUOTES.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String plain = matcher.group().replace('‘', '\'').replace('’', '\'');
      matcher.appendReplacement(result, Matcher.quoteReplacement(plain));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  static String enDashes(String text) {
    if (text.indexOf('-') < 0 && text.indexOf('–') < 0 && text.indexOf('—') < 0) {
      return text;
    }
    return SPACED_HYPHENS.matcher(text).replaceAll(" – ");
  }
}
