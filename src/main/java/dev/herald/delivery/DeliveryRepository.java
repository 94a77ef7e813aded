package dev.herald.delivery;

import dev.herald.notification.NotificationStatus;
import dev.herald.support.Sql;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
   * Claims the notifications still {@code created} for their runs until {@code until} and answers
   * them with their personal data. One is missing when it is not {@code created}, another run holds
   * it, or retention has removed it (see {@link #isCreated}).
   */
  List<Work> claim(Collection<UUID> ids, Instant now, Instant until) {
    return jdbc.sql(
            """
            WITH claimed AS (
              UPDATE notifications SET delivery_claimed_until = :until
               WHERE id = ANY(:ids) AND status = 'created'
                 AND (delivery_claimed_until IS NULL OR delivery_claimed_until < :now)
              RETURNING id, service_id, template_id, template_version, key_type,
                        notification_type, status, international, expires_on
            )
            SELECT n.*, p.recipient, p.normalised_recipient, p.personalisation, p.reply_to_text,
                   p.unsubscribe_link
              FROM claimed n
             CROSS JOIN LATERAL (SELECT recipient, normalised_recipient,
                                        personalisation::text AS personalisation, reply_to_text,
                                        unsubscribe_link
                                   FROM notification_personal_data
                                  WHERE notification_id = n.id AND expires_on = n.expires_on
                                  LIMIT 1) p
            """)
        .param("ids", Sql.array("uuid", ids))
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
        .list();
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
   * Records hand-overs (of distinct notifications), each only if its notification is still {@code
   * created}, and answers those recorded: one missing means another run got there first, and
   * nothing changed for it.
   */
  Set<UUID> markHandedOver(List<HandedOver> handedOver, Instant now) {
    return new HashSet<>(
        jdbc.sql(
                """
                UPDATE notifications n
                   SET status = h.status, sent_at = :now, sent_by = h.provider,
                       reference = h.reference, billable_units = h.billable_units, updated_at = :now
                  FROM unnest(:ids, :statuses, :providers, :references, :units)
                       AS h (id, status, provider, reference, billable_units)
                 WHERE n.id = ANY(:ids) AND n.id = h.id AND n.status = 'created'
                RETURNING n.id
                """)
            .param("ids", Sql.array("uuid", handedOver.stream().map(HandedOver::id).toList()))
            .param(
                "statuses",
                Sql.array("text", handedOver.stream().map(h -> h.status().value()).toList()))
            .param(
                "providers",
                Sql.array("text", handedOver.stream().map(HandedOver::provider).toList()))
            .param(
                "references",
                Sql.array("text", handedOver.stream().map(HandedOver::reference).toList()))
            .param(
                "units",
                Sql.array("int4", handedOver.stream().map(HandedOver::billableUnits).toList()))
            .param("now", Sql.ts(now))
            .query(UUID.class)
            .list());
  }

  /**
   * Removes the {@code deliver} tasks of these runs (a task whose version moved on belongs to
   * another run, and stays), and answers the {@link #taskKey}s of those it removed.
   */
  Set<String> removeDeliverTasks(List<HandedOver> runs) {
    return jdbc.sql(
            """
            DELETE FROM scheduled_tasks t
             USING unnest(:ids, :versions) AS r (id, version)
             WHERE t.task_name = 'deliver' AND t.task_instance = ANY(:ids)
               AND t.task_instance = r.id AND t.version = r.version
            RETURNING t.task_instance || ':' || t.version
            """)
        .param("ids", Sql.array("text", runs.stream().map(r -> r.id().toString()).toList()))
        .param("versions", Sql.array("int8", runs.stream().map(HandedOver::taskVersion).toList()))
        .query(String.class)
        .set();
  }

  /** A run's task: its notification and version. */
  static String taskKey(HandedOver run) {
    return run.id() + ":" + run.taskVersion();
  }

  /** A provider took a notification; {@code taskVersion} is the version of the run's task. */
  record HandedOver(
      UUID id,
      NotificationStatus status,
      String provider,
      String reference,
      int billableUnits,
      long taskVersion) {}

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
