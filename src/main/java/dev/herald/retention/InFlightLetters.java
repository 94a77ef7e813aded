package dev.herald.retention;

import dev.herald.files.ObjectStoreException;
import dev.herald.letter.LetterFiles;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Letters past their expiry day that are not final yet ({@code created}, {@code sending}, {@code
 * pending-virus-check}): Notify never removes their data (notify-letters.md §7.2), so before the
 * night's partitions go each is carried over to today's expiry day, its files first, then its
 * personal data, its row and its pending task, in one transaction. One whose files could not be
 * copied stays where it is, and {@link ExpiredPartitions} keeps its day's partition for it.
 */
@Component
class InFlightLetters {

  /** The statuses of a letter that may still be printed or come back from the printer. */
  static final String IN_FLIGHT = "('created', 'sending', 'pending-virus-check')";

  /** Past days that hold letters not final yet (live keys': the test keys' are deleted). */
  static final String DAYS_IN_FLIGHT =
      """
      SELECT DISTINCT expires_on FROM notifications
       WHERE notification_type = 'letter' AND status IN %s AND expires_on < :today
         AND key_type IN ('normal', 'team')
      """
          .formatted(IN_FLIGHT);

  private static final int BATCH = 1_000;
  private static final Logger log = LoggerFactory.getLogger(InFlightLetters.class);

  private record Letter(UUID id, LocalDate expiresOn, String keyType) {}

  private final JdbcClient jdbc;
  private final LetterFiles files;
  private final TransactionTemplate tx;

  InFlightLetters(JdbcClient jdbc, LetterFiles files, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.files = files;
    this.tx = tx;
  }

  /** Carries the letters over to {@code today}; answers how many moved. */
  int carryOver(LocalDate today) {
    int moved = 0;
    for (LocalDate day :
        jdbc.sql(DAYS_IN_FLIGHT).param("today", today).query(LocalDate.class).list()) {
      moved += carryOver(day, today);
    }
    return moved;
  }

  private int carryOver(LocalDate day, LocalDate today) {
    int moved = 0;
    List<Letter> letters;
    UUID after = new UUID(0, 0);
    do {
      letters =
          jdbc.sql(
                  """
                  SELECT id, expires_on, key_type FROM notifications
                   WHERE notification_type = 'letter' AND status IN %s AND expires_on = :day
                     AND key_type IN ('normal', 'team') AND id > :after
                   ORDER BY id LIMIT :batch
                  """
                      .formatted(IN_FLIGHT))
              .param("day", day)
              .param("after", after)
              .param("batch", BATCH)
              .query(
                  (rs, i) ->
                      new Letter(
                          rs.getObject("id", UUID.class),
                          rs.getObject("expires_on", LocalDate.class),
                          rs.getString("key_type")))
              .list();
      for (Letter letter : letters) {
        after = letter.id();
        try {
          files.copyToDay(letter.id(), day, today);
        } catch (ObjectStoreException e) {
          log.warn(
              "Letter {} not carried over from {}: its files could not be copied: {}",
              letter.id(),
              day,
              e.toString());
          continue;
        }
        moved += tx.execute(status -> move(letter, today));
      }
    } while (letters.size() == BATCH);
    if (moved > 0) {
      log.info("Carried {} letters not final yet over from expiry day {} to {}", moved, day, today);
    }
    return moved;
  }

  /** Moves the letter's personal data, row and pending PDF task to {@code today}. */
  private int move(Letter letter, LocalDate today) {
    int rows =
        jdbc.sql(
                """
                UPDATE notifications SET expires_on = :today
                 WHERE id = :id AND key_type = :keyType AND expires_on = :day AND status IN %s
                """
                    .formatted(IN_FLIGHT))
            .param("today", today)
            .param("id", letter.id())
            .param("keyType", letter.keyType())
            .param("day", letter.expiresOn())
            .update();
    if (rows == 0) {
      return 0;
    }
    jdbc.sql(
            """
            UPDATE notification_personal_data SET expires_on = :today
             WHERE notification_id = :id AND expires_on = :day
            """)
        .param("today", today)
        .param("id", letter.id())
        .param("day", letter.expiresOn())
        .update();
    jdbc.sql(
            """
            UPDATE scheduled_tasks SET task_instance = :newInstance
             WHERE task_name = 'letter-pdf' AND task_instance = :oldInstance AND NOT picked
            """)
        .param("newInstance", letter.id() + "/" + today)
        .param("oldInstance", letter.id() + "/" + letter.expiresOn())
        .update();
    return 1;
  }
}
