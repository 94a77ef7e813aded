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
    text = FIRST_SINGLE.matcher(text).replaceAll("’");
    text = FIRST_DOUBLE.matcher(text).replaceAll("”");
    text = DOUBLE_SINGLE.matcher(text).replaceAll("“‘");
    text = SINGLE_DOUBLE.matcher(text).replaceAll("‘“");
    text = DECADE.matcher(text).replaceAll("’");
    text = OPENING_SINGLE.matcher(text).replaceAll("$1‘");
    text = CLOSING_SINGLE.matcher(text).replaceAll("$1’");
    text = CLOSING_SINGLE_S.matcher(text).replaceAll("$1’$2");
    text = text.replace("'", "‘");
    text = OPENING_DOUBLE.matcher(text).replaceAll("$1“");
    text = CLOSING_DOUBLE_SPACE.matcher(text).replaceAll("”");
    text = CLOSING_DOUBLE.matcher(text).replaceAll("$1”");
    return text.replace("\"", "“");
  }

  static String unquoteEmailAddresses(String text) {
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
    return SPACED_HYPHENS.matcher(text).replaceAll(" – ");
  }
}
