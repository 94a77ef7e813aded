package dev.herald.search;

import dev.herald.support.PagePosition;
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
 * (created_at, id) ({@link PagePosition}) and never counted. Only notifications whose personal data
 * is still kept match. Every filter is a list with at least one value, so that no condition is an
 * {@code OR} with a parameter that a cached generic plan could not fold away.
 */
@Repository
class SearchRepository {

  /**
   * One probe of ix_personal_data_service_recipient per partition, then the notifications by
   * primary key.
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
         AND n.status = ANY (CAST(:statuses AS text[]))
         AND n.notification_type = ANY (CAST(:types AS text[]))
         AND (n.created_at, n.id) < (:before, :beforeId)
       ORDER BY n.created_at DESC, n.id DESC
       LIMIT :limit
      """;

  private final JdbcClient jdbc;
  private final PieceSearch pieces;

  SearchRepository(JdbcClient jdbc, PieceSearch pieces) {
    this.jdbc = jdbc;
    this.pieces = pieces;
  }

  /** Up to {@code limit} notifications, newest first, after {@code olderThan} when given. */
  List<Found> search(SearchQuery q) {
    return PagePosition.after(jdbc, q.serviceId(), q.olderThan())
        .map(
            position ->
                switch (q.term()) {
                  case SearchTerm.Recipient r ->
                      bind(jdbc.sql(BY_RECIPIENT), q, position)
                          .param("recipient", r.normalised())
                          .query(SearchRepository::map)
                          .list();
                  case SearchTerm.Piece p -> pieces.search(q, p, position);
                })
        .orElse(List.of());
  }

  /** The parameters every search statement takes. */
  static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec statement, SearchQuery q, PagePosition position) {
    return statement
        .param("serviceId", q.serviceId())
        .param("keyTypes", q.keyTypes().toArray(String[]::new))
        .param("statuses", q.statuses().toArray(String[]::new))
        .param("types", q.types().toArray(String[]::new))
        .param("before", position.before())
        .param("beforeId", position.id())
        .param("limit", q.limit());
  }

  /** What a search looks for and within; every list holds at least one value. */
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

  static Found map(ResultSet rs, int row) throws SQLException {
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
