package dev.herald.letter;

import dev.herald.support.Timestamps;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * When a letter is expected to arrive, as Notify's v2 API shows it in {@code estimated_delivery}
 * (notify-letters.md §3.2): printed on the next working day of the printer after its creation plus
 * 6 h 30 min (so after 17:30 London counts as the next day), then on its way for the postage's
 * longest transit plus one day of Royal Mail's working days, and due at 16:00 London.
 */
public final class LetterTimings {

  /** Moves a letter created after 17:30 London into the next day's print run. */
  static final Duration PROCESSING_OFFSET = Duration.ofHours(6).plusMinutes(30);

  static final LocalTime DUE_AT = LocalTime.of(16, 0);

  private LetterTimings() {}

  /**
   * The latest expected delivery, on the wire clock; the seconds and their fraction of {@code
   * createdAt} carry over, as Notify replaces only the hour and minute.
   */
  public static Instant estimatedDelivery(Instant createdAt, String postage) {
    LocalDate processing = Timestamps.londonDate(createdAt.plus(PROCESSING_OFFSET));
    LocalDate printed = nextWorkingDay(processing, false);
    LocalDate due = printed;
    boolean saturdays = "first".equals(postage);
    for (int days = 1 + maxDaysInTransit(postage); days > 0; days--) {
      due = nextWorkingDay(due, saturdays);
    }
    Instant created = createdAt.truncatedTo(ChronoUnit.MICROS);
    int second = (int) Math.floorMod(created.getEpochSecond(), 60L);
    return due.atTime(DUE_AT.withSecond(second).withNano(created.getNano()))
        .atZone(Timestamps.LONDON)
        .toInstant();
  }

  /** The most Royal Mail working days a letter of this postage spends in the post. */
  static int maxDaysInTransit(String postage) {
    return switch (postage) {
      case "first" -> 0;
      case "second" -> 4;
      case "economy" -> 6;
      case "europe" -> 5;
      case "rest-of-world" -> 7;
      default -> throw new IllegalArgumentException("Unknown postage " + postage);
    };
  }

  /** The print run's deadline: 17:30 London, letters created strictly before it are in its run. */
  public static final LocalTime PRINT_DEADLINE = LocalTime.of(17, 30);

  /** The deadline of {@code day}'s print run, as an instant. */
  public static Instant printDeadline(LocalDate day) {
    return day.atTime(PRINT_DEADLINE).atZone(Timestamps.LONDON).toInstant();
  }

  /** Whether a print run happens on this London day: Monday to Friday, not a bank holiday. */
  public static boolean isPrintDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !BankHolidays.isBankHoliday(day);
  }

  /**
   * The London day of the run Notify prints a letter in: its creation moved on 6 h 30 m, so one
   * created after 17:30 goes the next day (notify-letters.md §3.4, {@code letter_print_day}).
   */
  public static LocalDate printDay(Instant createdAt) {
    return Timestamps.londonDate(createdAt.plus(PROCESSING_OFFSET));
  }

  /**
   * Whether it is too late at {@code now} to cancel a letter created at {@code createdAt}
   * (notify-letters.md §3.4): after 17:30 on the day it was created, or on the next day if it was
   * created after 17:30; weekends make no difference.
   */
  public static boolean tooLateToCancel(Instant createdAt, Instant now) {
    LocalDate today = Timestamps.londonDate(now);
    ZonedDateTime created = createdAt.atZone(Timestamps.LONDON);
    boolean pastTodaysDeadline =
        !now.atZone(Timestamps.LONDON).toLocalTime().isBefore(PRINT_DEADLINE);
    return (pastTodaysDeadline && !createdAt.isAfter(printDeadline(today)))
        || (!created.toLocalTime().isAfter(PRINT_DEADLINE) && created.toLocalDate().isBefore(today))
        || created.toLocalDate().isBefore(today.minusDays(1));
  }

  /** The first working day after {@code day}: Monday to Friday (or Saturday), no bank holiday. */
  private static LocalDate nextWorkingDay(LocalDate day, boolean saturdays) {
    LocalDate next = day.plusDays(1);
    while (next.getDayOfWeek() == DayOfWeek.SUNDAY
        || (next.getDayOfWeek() == DayOfWeek.SATURDAY && !saturdays)
        || BankHolidays.isBankHoliday(next)) {
      next = next.plusDays(1);
    }
    return next;
  }
}
