package dev.herald.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Notify's wire format for times ({@code 2024-05-10T16:40:14.123456Z}) and London days. */
public final class Timestamps {

  /** The zone of a "day" for retention and statistics. */
  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /**
   * {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'} in UTC, written by hand: a page of the v2 list formats
   * 750 of them, and {@link DateTimeFormatter} cost 4 % of the page (TimestampsTest checks the two
   * agree). Years outside 1–9999 (where the pattern writes the year of era) fall back to the
   * formatter.
   */
  public static String format(Instant instant) {
    if (instant == null) {
      return null;
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1 || t.getYear() > 9999) {
      return WIRE.format(instant);
    }
    char[] text = new char[27];
    digits(text, 0, t.getYear(), 4);
    text[4] = '-';
    digits(text, 5, t.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, t.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, t.getHour(), 2);
    text[13] = ':';
    digits(text, 14, t.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, t.getSecond(), 2);
    text[19] = '.';
    digits(text, 20, instant.getNano() / 1000, 6);
    text[26] = 'Z';
    return new String(text);
  }

  private static void digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  public static LocalDate londonDate(Instant instant) {
    return LocalDate.ofInstant(instant, LONDON);
  }
}
