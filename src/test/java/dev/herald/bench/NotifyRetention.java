package dev.herald.bench;

import dev.herald.support.Timestamps;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GOV.UK Notify's nightly deletion (notifications-api {@code nightly_tasks.py} and {@code
 * notifications_dao.py}), reproduced on the {@code notify} schema as the baseline: per type, per
 * service (its retention, or 7 days), batches of one transaction each — a temporary table of the
 * oldest 50,000 expired rows (letters: 5,000, skipping those still in flight), copied into history
 * with {@code ON CONFLICT DO NOTHING}, deleted by id — until a batch finds none; then the test-key
 * rows in batches of the same size. Run here one service after another.
 */
final class NotifyRetention {

  static final int BATCH = 50_000;
  static final int LETTER_BATCH = 5_000;

  /** Rows copied to history, rows deleted (test-key rows apart), and transactions. */
  record Outcome(long moved, long deleted, long testDeleted, long batches) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private long moved;
  private long deleted;
  private long testDeleted;
  private long batches;

  NotifyRetention(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  Outcome run(LocalDate today) {
    for (String type : List.of("email", "sms", "letter")) {
      int limit = type.equals("letter") ? LETTER_BATCH : BATCH;
      for (Map.Entry<UUID, Integer> service : services(type, today).entrySet()) {
        LocalDateTime cutoff = cutoff(today, service.getValue());
        while (moveBatch(service.getKey(), type, cutoff, limit) > 0) {}
        while (deleteTestBatch(service.getKey(), type, cutoff, limit) > 0) {}
      }
    }
    return new Outcome(moved, deleted, testDeleted, batches);
  }

  /** London midnight of (today − days), as the naive UTC timestamp Notify compares with. */
  static LocalDateTime cutoff(LocalDate today, int days) {
    return LocalDateTime.ofInstant(
        today.minusDays(days).atStartOfDay(Timestamps.LONDON).toInstant(), ZoneOffset.UTC);
  }

  /** Services with a retention row for the type, and those with rows older than the 7-day one. */
  private Map<UUID, Integer> services(String type, LocalDate today) {
    Map<UUID, Integer> services =
        jdbc
            .sql(
                """
                SELECT service_id, days_of_retention FROM service_data_retention
                 WHERE notification_type = :type
                """)
            .param("type", type)
            .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2)))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    jdbc.sql(
            """
            SELECT DISTINCT service_id FROM notify.notifications
             WHERE notification_type = :type AND created_at < :cutoff
            """)
        .param("type", type)
        .param("cutoff", cutoff(today, 7))
        .query(UUID.class)
        .list()
        .forEach(service -> services.putIfAbsent(service, 7));
    return services;
  }

  private int moveBatch(UUID service, String type, LocalDateTime cutoff, int limit) {
    int count =
        tx.execute(
            status -> {
              jdbc.sql(type.equals("letter") ? ARCHIVE_LETTERS : ARCHIVE)
                  .param("service", service)
                  .param("type", type)
                  .param("cutoff", cutoff)
                  .param("limit", limit)
                  .update();
              moved += jdbc.sql(INSERT_HISTORY).update();
              return jdbc.sql(DELETE_ARCHIVED).update();
            });
    deleted += count;
    batches++;
    return count;
  }

  private int deleteTestBatch(UUID service, String type, LocalDateTime cutoff, int limit) {
    int count =
        jdbc.sql(
                """
                DELETE FROM notify.notifications WHERE id IN (
                  SELECT id FROM notify.notifications
                   WHERE service_id = :service AND notification_type = :type
                     AND created_at < :cutoff AND key_type = 'test'
                   LIMIT :limit)
                """)
            .param("service", service)
            .param("type", type)
            .param("cutoff", cutoff)
            .param("limit", limit)
            .update();
    testDeleted += count;
    batches++;
    return count;
  }

  private static final String ARCHIVE =
      """
      CREATE TEMP TABLE notification_archive ON COMMIT DROP AS
      SELECT id, job_id, job_row_number, service_id, template_id, template_version, api_key_id,
             key_type, billable_units, notification_type, created_at, sent_at, sent_by,
             updated_at, notification_status, reference, client_reference, international,
             phone_prefix, rate_multiplier, created_by_id, document_download_count, postage
        FROM notify.notifications
       WHERE service_id = :service AND notification_type = :type AND created_at < :cutoff
         AND key_type IN ('normal', 'team')
       ORDER BY created_at
       LIMIT :limit
      """;

  private static final String ARCHIVE_LETTERS =
      """
      CREATE TEMP TABLE notification_archive ON COMMIT DROP AS
      SELECT id, job_id, job_row_number, service_id, template_id, template_version, api_key_id,
             key_type, billable_units, notification_type, created_at, sent_at, sent_by,
             updated_at, notification_status, reference, client_reference, international,
             phone_prefix, rate_multiplier, created_by_id, document_download_count, postage
        FROM notify.notifications
       WHERE service_id = :service AND notification_type = :type AND created_at < :cutoff
         AND key_type IN ('normal', 'team')
         AND notification_status NOT IN ('pending-virus-check', 'created', 'sending')
       ORDER BY created_at
       LIMIT :limit
      """;

  private static final String INSERT_HISTORY =
      """
      INSERT INTO notify.notification_history
      SELECT * FROM notification_archive
      ON CONFLICT ON CONSTRAINT notification_history_pkey DO NOTHING
      """;

  private static final String DELETE_ARCHIVED =
      """
      DELETE FROM notify.notifications WHERE id IN (SELECT id FROM notification_archive)
      """;
}
