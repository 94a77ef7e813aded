package dev.herald.support;

import java.time.Instant;
import java.time.LocalDate;
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

  public static String format(Instant instant) {
    return instant == null ? null : WIRE.format(instant);
  }

  public static LocalDate londonDate(Instant instant) {
    return LocalDate.ofInstant(instant, LONDON);
  }
}
