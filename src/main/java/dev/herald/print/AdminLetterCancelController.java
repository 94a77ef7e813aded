package dev.herald.print;

import dev.herald.api.ApiException;
import dev.herald.letter.LetterTimings;
import dev.herald.limit.DailyLimiter;
import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import dev.herald.support.Uuids;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/services/{id}/notifications/{notification_id}/cancel}: cancels a letter still
 * {@code created} or {@code pending-virus-check} before its print deadline, with Notify's messages
 * otherwise (notify-letters.md §3.4). A letter a print run has taken is past cancelling whatever
 * the time: the run locks the letters it takes, so a cancel at the same moment waits for it and
 * then finds the letter in a batch.
 */
@RestController
class AdminLetterCancelController {

  private static final DateTimeFormatter PRINT_DAY =
      DateTimeFormatter.ofPattern("d MMMM", Locale.UK);

  private static final DateTimeFormatter PYTHON_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private record Letter(UUID id, String type, String status, String keyType, Instant createdAt) {}

  private final JdbcClient jdbc;
  private final DailyLimiter limits;
  private final Clock clock;

  AdminLetterCancelController(JdbcClient jdbc, DailyLimiter limits, Clock clock) {
    this.jdbc = jdbc;
    this.limits = limits;
    this.clock = clock;
  }

  @PostMapping("/admin/services/{id}/notifications/{notificationId}/cancel")
  @Transactional
  public Map<String, Object> cancel(@PathVariable String id, @PathVariable String notificationId) {
    UUID serviceId = Uuids.parse(id).orElseThrow(AdminLetterCancelController::notFound);
    UUID letterId = Uuids.parse(notificationId).orElseThrow(AdminLetterCancelController::notFound);
    Letter letter = find(serviceId, letterId).orElseThrow(AdminLetterCancelController::notFound);
    if (!"letter".equals(letter.type())) {
      throw ApiException.badRequest(
          "Notification cannot be cancelled - only letters can be cancelled");
    }
    Instant now = clock.instant();
    boolean tooLate = LetterTimings.tooLateToCancel(letter.createdAt(), now);
    if (!tooLate && cancelled(letter, now)) {
      if (!"test".equals(letter.keyType())) {
        LocalDate day = LocalDate.ofInstant(letter.createdAt(), ZoneOffset.UTC);
        if (day.equals(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
          limits.giveBack(new DailyLimiter.Taken(serviceId, "letter", day));
        }
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", letter.id());
      body.put("notification_type", "letter");
      body.put("status", "cancelled");
      body.put("created_at", Timestamps.format(letter.createdAt()));
      body.put("updated_at", Timestamps.format(now));
      return body;
    }
    Letter current = find(serviceId, letterId).orElseThrow(AdminLetterCancelController::notFound);
    if (tooLate) {
      throw ApiException.badRequest(
          "It’s too late to cancel this letter. Printing started "
              + printDay(current.createdAt(), now)
              + " at 5.30pm");
    }
    if ("cancelled".equals(current.status())) {
      throw ApiException.badRequest("This letter has already been cancelled.");
    }
    throw ApiException.badRequest(
        "We could not cancel this letter. Letter status: "
            + current.status()
            + ", created_at: "
            + pythonUtc(current.createdAt()));
  }

  /** Cancels it if it is still waiting and in no print batch. */
  private boolean cancelled(Letter letter, Instant now) {
    return jdbc.sql(
                """
                UPDATE notifications SET status = 'cancelled', updated_at = :now
                 WHERE id = :id AND key_type = :keyType
                   AND status IN ('created', 'pending-virus-check') AND print_batch_id IS NULL
                """)
            .param("now", Sql.ts(now))
            .param("id", letter.id())
            .param("keyType", letter.keyType())
            .update()
        == 1;
  }

  private Optional<Letter> find(UUID serviceId, UUID id) {
    return jdbc.sql(
            """
            SELECT id, notification_type, status, key_type, created_at FROM notifications
             WHERE id = :id AND service_id = :serviceId
            """)
        .param("id", id)
        .param("serviceId", serviceId)
        .query(
            (rs, i) ->
                new Letter(
                    rs.getObject("id", UUID.class),
                    rs.getString("notification_type"),
                    rs.getString("status"),
                    rs.getString("key_type"),
                    Sql.instant(rs, "created_at")))
        .optional();
  }

  /** Notify's {@code letter_print_day}: "today", or "on 5 June". */
  private static String printDay(Instant createdAt, Instant now) {
    LocalDate printDay = LetterTimings.printDay(createdAt);
    return printDay.isBefore(Timestamps.londonDate(now))
        ? "on " + PRINT_DAY.format(printDay)
        : "today";
  }

  /** A naive UTC time as Python prints it: {@code 2026-06-05 10:00:00.123456}. */
  private static String pythonUtc(Instant instant) {
    LocalDateTime utc =
        LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    String text = PYTHON_SECONDS.format(utc);
    return utc.getNano() == 0 ? text : text + String.format(".%06d", utc.getNano() / 1_000);
  }

  private static ApiException notFound() {
    return new ApiException(404, "NoResultFound", "Notification not found");
  }
}
