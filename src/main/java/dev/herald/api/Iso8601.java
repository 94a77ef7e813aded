package dev.herald.api;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads timestamps the way Python's {@code iso8601.parse_date} (2.x) does for Notify. */
final class Iso8601 {

  private static final Pattern ISO8601 =
      Pattern.compile(
          """
          (?<year>[0-9]{4})
          (
            ((-(?<monthdash>[0-9]{1,2}))|(?<month>[0-9]{2})(?!$))
            (
              ((-(?<daydash>[0-9]{1,2}))|(?<day>[0-9]{2}))
              (
                (?<separator>[\\ T])
                (?<hour>[0-9]{2})
                (:?(?<minute>[0-9]{2}))?
                (:?(?<second>[0-9]{1,2})([.,](?<fraction>[0-9]+))?)?
                (?<timezone>Z|((?<tzsign>[-+])(?<tzhour>[0-9]{2}):?(?<tzminute>[0-9]{2})?))?
              )?
            )?
          )?
          """,
          Pattern.COMMENTS);

  /** The parsed wall-clock time and its offset (UTC when the text has none). */
  record Timestamp(LocalDateTime localDateTime, ZoneOffset offset) {}

  private Iso8601() {}

  static Optional<Timestamp> parse(String text) {
    Matcher m = ISO8601.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group("year")),
              number(first(m.group("monthdash"), m.group("month")), 1),
              number(first(m.group("daydash"), m.group("day")), 1),
              number(m.group("hour"), 0),
              number(m.group("minute"), 0),
              number(m.group("second"), 0),
              nanos(m.group("fraction")));
      return Optional.of(new Timestamp(local, offset(m)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static ZoneOffset offset(Matcher m) {
    if (m.group("tzsign") == null) {
      return ZoneOffset.UTC;
    }
    int hours = Integer.parseInt(m.group("tzhour"));
    int minutes = number(m.group("tzminute"), 0);
    int sign = m.group("tzsign").equals("-") ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  private static int number(String digits, int absent) {
    return digits == null ? absent : Integer.parseInt(digits);
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    String micros = (fraction + "000000").substring(0, 6);
    return Integer.parseInt(micros) * 1000;
  }
}
