package dev.herald.delivery;

import dev.herald.notification.NotificationStatus;
import dev.herald.support.Sql;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a worker reads and writes: one notification, and its status after hand-over. */
@Repository
class DeliveryRepository {

  private final JdbcClient jdbc;

  DeliveryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims a notification still {@code created} for this run until {@code until} and answers it
   * with its personal data; empty when it is not {@code created}, another run holds it, or
   * retention has removed it (see {@link #isCreated}).
   */
  Optional<Work> claim(UUID id, Instant now, Instant until) {
    return jdbc.sql(
            """
            WITH claimed AS (
              UPDATE notifications SET delivery_claimed_until = :until
               WHERE id = :id AND status = 'created'
                 AND (delivery_claimed_until IS NULL OR delivery_claimed_until < :now)
              RETURNING id, service_id, template_id, template_version, key_type,
                        notification_type, status, international, expires_on
            )
            SELECT n.*, p.recipient, p.normalised_recipient,
                   p.personalisation::text AS personalisation, p.reply_to_text, p.unsubscribe_link
              FROM claimed n
              JOIN notification_personal_data p
                ON p.notification_id = n.id AND p.expires_on = n.expires_on
            """)
        .param("id", id)
        .param("now", Sql.ts(now))
        .param("until", Sql.ts(until))
        .query(
            (rs, row) ->
                new Work(
                    rs.getObject("id", UUID.class),
                    rs.getObject("service_id", UUID.class),
                    rs.getObject("template_id", UUID.class),
                    rs.getInt("template_version"),
                    rs.getString("key_type"),
                    rs.getString("notification_type"),
                    NotificationStatus.of(rs.getString("status")).orElseThrow(),
                    rs.getBoolean("international"),
                    rs.getString("recipient"),
                    rs.getString("normalised_recipient"),
                    rs.getString("personalisation"),
                    rs.getString("reply_to_text"),
                    rs.getString("unsubscribe_link")))
        .optional();
  }

  /** Whether the notification is still waiting to be handed over. */
  boolean isCreated(UUID id) {
    return jdbc.sql("SELECT count(*) FROM notifications WHERE id = :id AND status = 'created'")
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Gives up this run's claim, so that a retry need not wait for it to expire. */
  void release(UUID id) {
    jdbc.sql(
            "UPDATE notifications SET delivery_claimed_until = NULL WHERE id = :id AND status = 'created'")
        .param("id", id)
        .update();
  }

  /**
   * Records the hand-over, only if the notification is still {@code created}: false means another
   * run got there first, and nothing changed.
   */
  boolean markHandedOver(
      UUID id,
      NotificationStatus status,
      String provider,
      String reference,
      int billableUnits,
      Instant now) {
    return jdbc.sql(
                """
                UPDATE notifications
                   SET status = :status, sent_at = :now, sent_by = :provider, reference = :reference,
                       billable_units = :billableUnits, updated_at = :now
                 WHERE id = :id AND status = 'created'
                """)
            .param("status", status.value())
            .param("now", Sql.ts(now))
            .param("provider", provider)
            .param("reference", reference)
            .param("billableUnits", billableUnits)
            .param("id", id)
            .update()
        == 1;
  }

  /** Gives up on a notification still {@code created}; false if it had moved on. */
  boolean markTechnicalFailure(UUID id, Instant now) {
    return jdbc.sql(
                """
                UPDATE notifications SET status = 'technical-failure', updated_at = :now
                 WHERE id = :id AND status = 'created'
                """)
            .param("now", Sql.ts(now))
            .param("id", id)
            .update()
        == 1;
  }

  /** A notification as the worker sees it. Holds personal data: never log it. */
  record Work(
      UUID id,
      UUID serviceId,
      UUID templateId,
      int templateVersion,
      String keyType,
      String type,
      NotificationStatus status,
      boolean international,
      String recipient,
      String normalisedRecipient,
      String personalisationJson,
      String replyTo,
      String unsubscribeLink) {

    @Override
    public String toString() {
      return "Work[" + id + "]";
    }
  }
}
