package dev.herald.files;

import java.util.regex.Pattern;

/**
 * The keys every store takes: segments of letters, digits, dots, dashes and underscores separated
 * by {@code /}, none empty, none {@code .} or {@code ..}, at most {@value #MAX_LENGTH} characters.
 */
final class ObjectKeys {

  static final int MAX_LENGTH = 512;

  private static final Pattern KEY =
      Pattern.compile("(?!\\.{1,2}(/|$))[A-Za-z0-9._-]+(/(?!\\.{1,2}(/|$))[A-Za-z0-9._-]+)*");

  /** A prefix is the start of a key: whole segments, then perhaps {@code /} or part of one. */
  private static final Pattern PREFIX =
      Pattern.compile("((?!\\.{1,2}/)[A-Za-z0-9._-]+/)*[A-Za-z0-9._-]*");

  private ObjectKeys() {}

  /** Throws unless {@code key} is a key. */
  static String check(String key) {
    if (key == null || key.length() > MAX_LENGTH || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not an object key: " + shown(key));
    }
    return key;
  }

  /** Throws unless {@code prefix} is the start of a key (the empty prefix included). */
  static String checkPrefix(String prefix) {
    if (prefix == null || prefix.length() > MAX_LENGTH || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("not the start of an object key: " + shown(prefix));
    }
    return prefix;
  }

  private static String shown(String key) {
    return key == null ? "null" : "'" + key.substring(0, Math.min(key.length(), 80)) + "'";
  }
}
