package dev.herald.letter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bank holidays of England and Wales: the eight of the Banking and Financial Dealings Act 1971
 * and its royal proclamations by their rules (New Year's Day, Christmas and Boxing Day move to the
 * next weekday when they fall at a weekend), and the days proclaimed in their place or as well
 * ({@link #PROCLAIMED}). Computed rather than read from a file, so that no year runs out; a day
 * proclaimed in future must be added to the list.
 */
final class BankHolidays {

  /** Days moved by proclamation: the rule's day, and the day it became. */
  private record Moved(LocalDate from, LocalDate to) {}

  private static final List<Moved> MOVED =
      List.of(
          // VE Day's 50th and 75th anniversaries, and the Golden and Diamond Jubilees.
          new Moved(LocalDate.of(1995, 5, 1), LocalDate.of(1995, 5, 8)),
          new Moved(LocalDate.of(2002, 5, 27), LocalDate.of(2002, 6, 4)),
          new Moved(LocalDate.of(2012, 5, 28), LocalDate.of(2012, 6, 4)),
          new Moved(LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 8)),
          new Moved(LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 2)));

  /** Days proclaimed as well as the rules' days. */
  static final List<LocalDate> PROCLAIMED =
      List.of(
          LocalDate.of(1999, 12, 31), // the millennium
          LocalDate.of(2002, 6, 3), // the Golden Jubilee
          LocalDate.of(2011, 4, 29), // a royal wedding
          LocalDate.of(2012, 6, 5), // the Diamond Jubilee
          LocalDate.of(2022, 6, 3), // the Platinum Jubilee
          LocalDate.of(2022, 9, 19), // the state funeral of Queen Elizabeth II
          LocalDate.of(2023, 5, 8)); // the coronation of King Charles III

  /** Each year's days, worked out once: a page of letters asks about ten days each. */
  private static final Map<Integer, Set<LocalDate>> YEARS = new ConcurrentHashMap<>();

  private BankHolidays() {}

  static boolean isBankHoliday(LocalDate day) {
    return ofYear(day.getYear()).contains(day);
  }

  static Set<LocalDate> ofYear(int year) {
    return YEARS.computeIfAbsent(year, BankHolidays::computed);
  }

  private static Set<LocalDate> computed(int year) {
    Set<LocalDate> days = new HashSet<>();
    days.add(weekdayOnOrAfter(LocalDate.of(year, 1, 1)));
    LocalDate easter = easterSunday(year);
    days.add(easter.minusDays(2));
    days.add(easter.plusDays(1));
    days.add(
        LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
    days.add(
        LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    days.add(
        LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    LocalDate christmas = weekdayOnOrAfter(LocalDate.of(year, 12, 25));
    days.add(christmas);
    days.add(weekdayOnOrAfter(christmas.plusDays(1)));
    for (Moved moved : MOVED) {
      if (moved.from().getYear() == year) {
        days.remove(moved.from());
        days.add(moved.to());
      }
    }
    PROCLAIMED.stream().filter(d -> d.getYear() == year).forEach(days::add);
    return Set.copyOf(days);
  }

  private static LocalDate weekdayOnOrAfter(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> day.plusDays(2);
      case SUNDAY -> day.plusDays(1);
      default -> day;
    };
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous, "Meeus/Jones/Butcher" algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
