package dev.herald.notification;

import dev.herald.support.PagePosition;
import dev.herald.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notifications with their personal data, and the delivery work that goes with them. */
@Repository
public class NotificationRepository {

  /** The delivery priority of API sends: ahead of bulk work, whatever its backlog. */
  public static final int PRIORITY_API = 100;

  /** The delivery priority of bulk work (jobs). */
  public static final int PRIORITY_BULK = 0;

  private final JdbcClient jdbc;

  NotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a notification, its personal data and its delivery task in one statement, so that none
   * can exist without the others.
   */
  public void insert(Notification n, PersonalData p) {
    insert(n, p, PRIORITY_API);
  }

  /** Stores as {@link #insert(Notification, PersonalData)}, queued at the given priority. */
  public void insert(Notification n, PersonalData p, int priority) {
    insertAll(List.of(new Queued(n, p, priority)));
  }

  /**
   * Stores notifications with their personal data and delivery tasks in one statement: all or none.
   */
  public void insertAll(List<Queued> rows) {
    jdbc.sql(
            """
            WITH r AS (
              SELECT * FROM unnest(:ids, :serviceIds, :templateIds, :templateVersions, :apiKeyIds,
                                   :keyTypes, :types, :statuses, :clientReferences,
                                   :billableUnits, :internationals, :phonePrefixes, :postages,
                                   :expiresOns, :createdAts, :recipients, :normalisedRecipients,
                                   :personalisations, :replyToTexts, :unsubscribeLinks,
                                   :priorities)
                AS r (id, service_id, template_id, template_version, api_key_id, key_type,
                      notification_type, status, client_reference, billable_units, international,
                      phone_prefix, postage, expires_on, created_at, recipient,
                      normalised_recipient, personalisation, reply_to_text, unsubscribe_link,
                      priority)
            ), notification AS (
              INSERT INTO notifications (id, service_id, template_id, template_version, api_key_id,
                                         key_type, notification_type, status, client_reference,
                                         billable_units, international, phone_prefix, postage,
                                         expires_on, created_at)
              SELECT id, service_id, template_id, template_version, api_key_id, key_type,
                     notification_type, status, client_reference, billable_units, international,
                     phone_prefix, postage, CAST(expires_on AS date),
                     CAST(created_at AS timestamptz)
                FROM r
            ), personal AS (
              INSERT INTO notification_personal_data (notification_id, expires_on, service_id,
                                                      recipient, normalised_recipient,
                                                      personalisation, reply_to_text,
                                                      unsubscribe_link)
              SELECT id, CAST(expires_on AS date), service_id, recipient, normalised_recipient,
                     CAST(personalisation AS jsonb), reply_to_text, unsubscribe_link
                FROM r
            )
            INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version,
                                         priority)
            SELECT 'deliver', CAST(id AS text), CAST(created_at AS timestamptz), false, 1, priority
              FROM r
            """)
        .param("ids", column(rows, "uuid", q -> q.notification().id()))
        .param("serviceIds", column(rows, "uuid", q -> q.notification().serviceId()))
        .param("templateIds", column(rows, "uuid", q -> q.notification().templateId()))
        .param("templateVersions", column(rows, "int4", q -> q.notification().templateVersion()))
        .param("apiKeyIds", column(rows, "uuid", q -> q.notification().apiKeyId()))
        .param("keyTypes", column(rows, "text", q -> q.notification().keyType()))
        .param("types", column(rows, "text", q -> q.notification().type()))
        .param("statuses", column(rows, "text", q -> q.notification().status().value()))
        .param("clientReferences", column(rows, "text", q -> q.notification().clientReference()))
        .param("billableUnits", column(rows, "int4", q -> q.notification().billableUnits()))
        .param("internationals", column(rows, "bool", q -> q.notification().international()))
        .param("phonePrefixes", column(rows, "text", q -> q.notification().phonePrefix()))
        .param("postages", column(rows, "text", q -> q.notification().postage()))
        .param("expiresOns", column(rows, "text", q -> q.notification().expiresOn().toString()))
        .param(
            "createdAts",
            column(rows, "text", q -> Sql.ts(q.notification().createdAt()).toString()))
        .param("recipients", column(rows, "text", q -> q.personal().recipient()))
        .param(
            "normalisedRecipients", column(rows, "text", q -> q.personal().normalisedRecipient()))
        .param("personalisations", column(rows, "text", q -> q.personal().personalisationJson()))
        .param("replyToTexts", column(rows, "text", q -> q.personal().replyToText()))
        .param("unsubscribeLinks", column(rows, "text", q -> q.personal().unsubscribeLink()))
        .param("priorities", column(rows, "int4", Queued::priority))
        .update();
  }

  /** A notification to store, with its personal data, queued for delivery at {@code priority}. */
  public record Queued(Notification notification, PersonalData personal, int priority) {}

  private static SqlTypeValue column(
      List<Queued> rows, String type, Function<Queued, Object> value) {
    List<Object> values = new ArrayList<>(rows.size());
    rows.forEach(row -> values.add(value.apply(row)));
    return Sql.array(type, values);
  }

  /**
   * One notification by id with its personal data, reading one personal-data partition: the LATERAL
   * subquery with LIMIT 1 is probed with the row's expiry day. As a join, the planner may instead
   * probe every partition with the id (notifications has one partition per key type, so it expects
   * two rows and prices the per-row probe twice; PartitionPruningIT).
   */
  static final String FIND =
      """
      SELECT n.*, p.recipient, p.normalised_recipient, p.personalisation, p.reply_to_text,
             p.unsubscribe_link
        FROM notifications n
       CROSS JOIN LATERAL (SELECT recipient, normalised_recipient,
                                  personalisation::text AS personalisation, reply_to_text,
                                  unsubscribe_link
                             FROM notification_personal_data
                            WHERE notification_id = n.id AND expires_on = n.expires_on
                            LIMIT 1) p
       WHERE n.id = :id AND n.service_id = :serviceId
      """;

  /** A service's notification with its personal data; empty once retention has removed it. */
  public Optional<Stored> find(UUID serviceId, UUID id) {
    return jdbc.sql(FIND)
        .param("id", id)
        .param("serviceId", serviceId)
        .query(NotificationRepository::map)
        .optional();
  }

  /**
   * One page of a service's notifications sent with one key type, newest first, from the service's
   * index by key type and time. The personal data is a LATERAL subquery with LIMIT 1 (its key is
   * unique) so that the planner probes it per row: as a join it costs every partition for each row,
   * and chose a hash join or a parallel plan whose workers alone took 15–30 ms to start (EXPLAIN
   * ANALYZE, 3M generated rows, 2 shared cores). {@code olderThan} continues after that
   * notification (an unknown one gives an empty page).
   */
  public List<Stored> page(ListQuery q) {
    return PagePosition.after(jdbc, q.serviceId(), q.olderThan())
        .map(position -> q.reference() == null ? page(q, position) : pageByReference(q, position))
        .orElse(List.of());
  }

  private List<Stored> page(ListQuery q, PagePosition position) {
    return listQuery(
            """
            SELECT n.*, p.recipient, p.normalised_recipient, p.personalisation, p.reply_to_text,
                   p.unsubscribe_link
              FROM notifications n
             CROSS JOIN LATERAL (SELECT recipient, normalised_recipient,
                                        personalisation::text AS personalisation, reply_to_text,
                                        unsubscribe_link
                                   FROM notification_personal_data
                                  WHERE notification_id = n.id AND expires_on = n.expires_on
                                  LIMIT 1) p
             WHERE n.service_id = :serviceId
               AND n.key_type = :keyType
               AND n.status = ANY (CAST(:statuses AS text[]))
               AND n.notification_type = ANY (CAST(:types AS text[]))
               AND (:includeJobs OR n.job_id IS NULL)
               AND (n.created_at, n.id) < (:before, :beforeId)
             ORDER BY n.created_at DESC, n.id DESC
             LIMIT :limit
            """,
            q,
            position)
        .query(NotificationRepository::map)
        .list();
  }

  /** As {@link #page(ListQuery, PagePosition)}, through the index of the service's references. */
  private List<Stored> pageByReference(ListQuery q, PagePosition position) {
    return listQuery(
            """
            SELECT n.*, p.recipient, p.normalised_recipient, p.personalisation, p.reply_to_text,
                   p.unsubscribe_link
              FROM notifications n
             CROSS JOIN LATERAL (SELECT recipient, normalised_recipient,
                                        personalisation::text AS personalisation, reply_to_text,
                                        unsubscribe_link
                                   FROM notification_personal_data
                                  WHERE notification_id = n.id AND expires_on = n.expires_on
                                  LIMIT 1) p
             WHERE n.service_id = :serviceId
               AND n.client_reference = :reference
               AND n.key_type = :keyType
               AND n.status = ANY (CAST(:statuses AS text[]))
               AND n.notification_type = ANY (CAST(:types AS text[]))
               AND (:includeJobs OR n.job_id IS NULL)
               AND (n.created_at, n.id) < (:before, :beforeId)
             ORDER BY n.created_at DESC, n.id DESC
             LIMIT :limit
            """,
            q,
            position)
        .param("reference", q.reference())
        .query(NotificationRepository::map)
        .list();
  }

  private JdbcClient.StatementSpec listQuery(String sql, ListQuery q, PagePosition position) {
    return jdbc.sql(sql)
        .param("serviceId", q.serviceId())
        .param("keyType", q.keyType())
        .param("statuses", q.statuses().toArray(String[]::new))
        .param("types", q.types().toArray(String[]::new))
        .param("includeJobs", q.includeJobs())
        .param("before", position.before())
        .param("beforeId", position.id())
        .param("limit", q.limit());
  }

  /** What the v2 list filters on; statuses and types hold at least one value each. */
  public record ListQuery(
      UUID serviceId,
      String keyType,
      List<String> statuses,
      List<String> types,
      String reference,
      boolean includeJobs,
      UUID olderThan,
      int limit) {}

  /** A notification read back with its personal data. */
  public record Stored(Notification notification, PersonalData personal) {}

  private static Stored map(ResultSet rs, int row) throws SQLException {
    Notification n =
        new Notification(
            rs.getObject("id", UUID.class),
            rs.getObject("service_id", UUID.class),
            rs.getObject("template_id", UUID.class),
            rs.getInt("template_version"),
            rs.getObject("api_key_id", UUID.class),
            rs.getString("key_type"),
            rs.getString("notification_type"),
            NotificationStatus.of(rs.getString("status")).orElseThrow(),
            rs.getString("client_reference"),
            rs.getInt("billable_units"),
            rs.getBoolean("international"),
            rs.getString("phone_prefix"),
            rs.getString("postage"),
            rs.getObject("expires_on", java.time.LocalDate.class),
            Sql.instant(rs, "created_at"),
            Sql.instant(rs, "sent_at"),
            Sql.instant(rs, "updated_at"));
    PersonalData p =
        new PersonalData(
            rs.getString("recipient"),
            rs.getString("normalised_recipient"),
            rs.getString("personalisation"),
            rs.getString("reply_to_text"),
            rs.getString("unsubscribe_link"));
    return new Stored(n, p);
  }
}
