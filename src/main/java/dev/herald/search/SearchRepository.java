package dev.herald.search;

import dev.herald.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A service's notifications found by recipient or reference, newest first, a page at a time by
 * (created_at, id) and never counted. Only notifications whose personal data is still kept match.
 */
@Repository
class SearchRepository {

  /**
   * The fast path: one probe of ix_personal_data_service_recipient per partition, then the
   * notifications by primary key.
   */
  static final String BY_RECIPIENT =
      """
      SELECT n.id, n.notification_type, n.status, n.key_type, n.template_id, n.template_version,
             n.client_reference, n.created_at, n.sent_at, n.updated_at, p.recipient
        FROM notification_personal_data p
        JOIN notifications n
          ON n.id = p.notification_id AND n.expires_on = p.expires_on
       WHERE p.service_id = :serviceId
         AND p.normalised_recipient = :recipient
         AND n.service_id = :serviceId
         AND n.key_type = ANY (CAST(:keyTypes AS text[]))
         AND (cardinality(CAST(:statuses AS text[])) = 0 OR n.status = ANY (CAST(:statuses AS text[])))
         AND (cardinality(CAST(:types AS text[])) = 0 OR n.notification_type = ANY (CAST(:types AS text[])))
         AND (CAST(:olderThan AS uuid) IS NULL
              OR (n.created_at, n.id) < (SELECT o.created_at, o.id FROM notifications o
                                          WHERE o.id = :olderThan AND o.service_id = :serviceId))
       ORDER BY n.created_at DESC, n.id DESC
       LIMIT :limit
      """;

  /**
   * Notify's search by a piece of the recipient or of the reference: the two trigram indexes, one
   * branch each, so that neither OR arm forces a scan of the service's rows.
   */
  static final String BY_PIECE =
      """
      WITH matched AS (
        SELECT p.notification_id AS id
          FROM notification_personal_data p
         WHERE p.service_id = :serviceId AND p.normalised_recipient LIKE :recipientPattern
        UNION
        SELECT n.id
          FROM notifications n
         WHERE n.service_id = :serviceId AND n.client_reference ILIKE :referencePattern
      )
      SELECT n.id, n.notification_type, n.status, n.key_type, n.template_id, n.template_version,
             n.client_reference, n.created_at, n.sent_at, n.updated_at, p.recipient
        FROM matched m
        JOIN notifications n
          ON n.id = m.id
        JOIN notification_personal_data p
          ON p.notification_id = n.id AND p.expires_on = n.expires_on
       WHERE n.service_id = :serviceId
         AND n.key_type = ANY (CAST(:keyTypes AS text[]))
         AND (cardinality(CAST(:statuses AS text[])) = 0 OR n.status = ANY (CAST(:statuses AS text[])))
         AND (cardinality(CAST(:types AS text[])) = 0 OR n.notification_type = ANY (CAST(:types AS text[])))
         AND (CAST(:olderThan AS uuid) IS NULL
              OR (n.created_at, n.id) < (SELECT o.created_at, o.id FROM notifications o
                                          WHERE o.id = :olderThan AND o.service_id = :serviceId))
       ORDER BY n.created_at DESC, n.id DESC
       LIMIT :limit
      """;

  private final JdbcClient jdbc;

  SearchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Up to {@code limit} notifications, newest first, after {@code olderThan} when given. */
  List<Found> search(SearchQuery q) {
    JdbcClient.StatementSpec statement =
        switch (q.term()) {
          case SearchTerm.Recipient r -> jdbc.sql(BY_RECIPIENT).param("recipient", r.normalised());
          case SearchTerm.Piece p ->
              jdbc.sql(BY_PIECE)
                  .param("recipientPattern", p.recipientPattern())
                  .param("referencePattern", p.referencePattern());
        };
    return statement
        .param("serviceId", q.serviceId())
        .param("keyTypes", q.keyTypes().toArray(String[]::new))
        .param("statuses", q.statuses().toArray(String[]::new))
        .param("types", q.types().toArray(String[]::new))
        .param("olderThan", q.olderThan())
        .param("limit", q.limit())
        .query(SearchRepository::map)
        .list();
  }

  /** What a search looks for and within. */
  record SearchQuery(
      UUID serviceId,
      SearchTerm term,
      List<String> keyTypes,
      List<String> statuses,
      List<String> types,
      UUID olderThan,
      int limit) {}

  /** A notification found, with the recipient as it was sent to. */
  record Found(
      UUID id,
      String type,
      String status,
      String keyType,
      UUID templateId,
      int templateVersion,
      String recipient,
      String reference,
      Instant createdAt,
      Instant sentAt,
      Instant updatedAt) {}

  private static Found map(ResultSet rs, int row) throws SQLException {
    return new Found(
        rs.getObject("id", UUID.class),
        rs.getString("notification_type"),
        rs.getString("status"),
        rs.getString("key_type"),
        rs.getObject("template_id", UUID.class),
        rs.getInt("template_version"),
        rs.getString("recipient"),
        rs.getString("client_reference"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "sent_at"),
        Sql.instant(rs, "updated_at"));
  }
}
