package dev.herald.letter;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a letter costs by its sheets, postage and day ({@code letter_rates}, notify-letters.md
 * §6.1–6.2): the rate in force then, or the oldest of its class for a letter older than them all.
 * The table is read again at most once a minute.
 */
@Component
public class LetterRates {

  private static final Duration FRESH = Duration.ofMinutes(1);

  record Rate(Instant start, Instant end, int sheets, BigDecimal rate, String postClass) {

    boolean covers(Instant at) {
      return !at.isBefore(start) && (end == null || at.isBefore(end));
    }
  }

  private record Loaded(List<Rate> rates, Instant at) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile Loaded loaded;

  LetterRates(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The price of one letter of {@code sheets} made at {@code createdAt}, by the rate in force at
   * the start of its UTC day, as Notify looks it up; empty beyond five sheets.
   */
  public Optional<BigDecimal> rate(Instant createdAt, int sheets, String postage) {
    Instant day = createdAt.truncatedTo(ChronoUnit.DAYS);
    List<Rate> ofClass =
        rates().stream()
            .filter(r -> r.sheets() == sheets && r.postClass().equals(postage))
            .toList();
    return ofClass.stream()
        .filter(r -> r.covers(day))
        .findFirst()
        .or(() -> ofClass.stream().min(Comparator.comparing(Rate::start)))
        .map(Rate::rate);
  }

  private List<Rate> rates() {
    Loaded current = loaded;
    Instant now = clock.instant();
    if (current == null || current.at().plus(FRESH).isBefore(now)) {
      current = new Loaded(read(), now);
      loaded = current;
    }
    return current.rates();
  }

  private List<Rate> read() {
    return jdbc.sql("SELECT start_date, end_date, sheet_count, rate, post_class FROM letter_rates")
        .query(
            (rs, i) ->
                new Rate(
                    rs.getTimestamp("start_date").toInstant(),
                    rs.getTimestamp("end_date") == null
                        ? null
                        : rs.getTimestamp("end_date").toInstant(),
                    rs.getInt("sheet_count"),
                    rs.getBigDecimal("rate"),
                    rs.getString("post_class")))
        .list();
  }
}
