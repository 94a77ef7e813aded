package dev.herald.search;

import dev.herald.search.SearchRepository.Found;
import dev.herald.search.SearchRepository.SearchQuery;
import dev.herald.support.PagePosition;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search for a piece of a recipient or reference, choosing its plan by how common the piece is
 * among the service's newest notifications. A common piece is found by reading them newest first
 * and stopping at a page of matches; a rare one through the trigram indexes, which read every
 * match: milliseconds for a rare piece, seconds for a common one (1.2 s for 1M matches of 2M rows).
 */
@Repository
class PieceSearch {

  /**
   * How many of a service's newest notifications are read first: a piece in one in twenty of them
   * fills a page from here.
   */
  static final int WINDOW = 1_000;

  /**
   * The most read when the first window held some matches but not a page; beyond it the trigram
   * indexes are likely cheaper. The walk reads page ÷ frequency notifications at about 6 µs each,
   * the trigram search every match at about 9 µs (EXPLAIN ANALYZE, 3M rows, 2 shared cores).
   */
  static final int WIDEST_WINDOW = 20_000;

  /**
   * The service's newest {@code :window} notifications through ix_notifications_service_created,
   * each with its personal data, stopping at a page of matches. "example.com" in a service of
   * 646,000 of 3M generated notifications: 0.6 ms, where the trigram indexes read all 345,000
   * matches in 3.2 s (EXPLAIN ANALYZE, 2 shared cores). The personal data is a LATERAL subquery
   * with LIMIT 1 (the key is unique) so that the planner probes it per row: as a join it would hash
   * every partition. Its days are the service's ({@code %s}, {@link
   * dev.herald.notification.ExpiryDays}), so that only their partitions are planned.
   */
  static final String RECENT_PIECE =
      """
      SELECT n.id, n.notification_type, n.status, n.key_type, n.template_id, n.template_version,
             n.client_reference, n.created_at, n.sent_at, n.updated_at, p.recipient
        FROM (SELECT id, expires_on, notification_type, status, key_type, template_id,
                     template_version, client_reference, created_at, sent_at, updated_at
                FROM notifications
               WHERE service_id = :serviceId
                 AND (created_at, id) < (:before, :beforeId)
               ORDER BY created_at DESC, id DESC
               LIMIT :window) n
       CROSS JOIN LATERAL (SELECT p.recipient, p.normalised_recipient
                             FROM notification_personal_data p
                            WHERE p.notification_id = n.id AND p.expires_on = n.expires_on
                              AND p.expires_on = ANY ('%s'::date[])
                            LIMIT 1) p
       WHERE n.key_type = ANY (CAST(:keyTypes AS text[]))
         AND n.status = ANY (CAST(:statuses AS text[]))
         AND n.notification_type = ANY (CAST(:types AS text[]))
         AND (p.normalised_recipient LIKE :recipientPattern
              OR n.client_reference ILIKE :referencePattern)
       ORDER BY n.created_at DESC, n.id DESC
       LIMIT :limit
      """;

  /** How many notifications {@link #RECENT_PIECE} read: fewer than the window means all. */
  static final String WINDOW_ROWS =
      """
      SELECT count(*)
        FROM (SELECT 1 FROM notifications
               WHERE service_id = :serviceId
                 AND (created_at, id) < (:before, :beforeId)
               LIMIT :window) w
      """;

  /**
   * Notify's search by a piece: the two trigram indexes, one branch each, so that neither OR arm
   * forces a scan of the service's rows. The indexes are asked for the piece's distinctive part
   * ({@link SearchTerm#distinctive}); {@code strpos}, which no index serves, checks the whole piece
   * on each row they find. The planner cannot tell how many rows strpos keeps, so each match's
   * notification and recipient are probed by key (LATERAL … LIMIT 1, as in {@link #RECENT_PIECE});
   * as joins, it hashed the whole of notifications or of the personal data. Bounded to the
   * service's days, as {@link #RECENT_PIECE} (the same days, twice).
   */
  static final String BY_PIECE =
      """
      WITH matched AS (
        SELECT p.notification_id AS id
          FROM notification_personal_data p
         WHERE p.service_id = :serviceId
           AND p.expires_on = ANY ('%s'::date[])
           AND p.normalised_recipient LIKE :recipientIndexPattern
           AND strpos(p.normalised_recipient, :recipientText) > 0
        UNION
        SELECT n.id
          FROM notifications n
         WHERE n.service_id = :serviceId
           AND n.client_reference ILIKE :referenceIndexPattern
           AND strpos(lower(n.client_reference), lower(:referenceText)) > 0
      )
      SELECT n.id, n.notification_type, n.status, n.key_type, n.template_id, n.template_version,
             n.client_reference, n.created_at, n.sent_at, n.updated_at, p.recipient
        FROM matched m
       CROSS JOIN LATERAL (SELECT * FROM notifications WHERE id = m.id LIMIT 1) n
       CROSS JOIN LATERAL (SELECT p.recipient
                             FROM notification_personal_data p
                            WHERE p.notification_id = n.id AND p.expires_on = n.expires_on
                              AND p.expires_on = ANY ('%s'::date[])
                            LIMIT 1) p
       WHERE n.service_id = :serviceId
         AND n.key_type = ANY (CAST(:keyTypes AS text[]))
         AND n.status = ANY (CAST(:statuses AS text[]))
         AND n.notification_type = ANY (CAST(:types AS text[]))
         AND (n.created_at, n.id) < (:before, :beforeId)
       ORDER BY n.created_at DESC, n.id DESC
       LIMIT :limit
      """;

  private final JdbcClient jdbc;

  PieceSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The newest window first; if it held some matches but not a page, a window wide enough for a
   * page at that rate (up to {@link #WIDEST_WINDOW}); if none, or still not a page, the trigram
   * indexes.
   */
  List<Found> search(SearchQuery q, SearchTerm.Piece piece, PagePosition position, String days) {
    List<Found> recent = recent(q, piece, position, WINDOW, days);
    if (recent.size() == q.limit() || windowRows(q, position, WINDOW) < WINDOW) {
      return recent;
    }
    long wider = recent.isEmpty() ? Long.MAX_VALUE : 2L * WINDOW * q.limit() / recent.size();
    if (wider <= WIDEST_WINDOW) {
      List<Found> more = recent(q, piece, position, (int) wider, days);
      if (more.size() == q.limit() || windowRows(q, position, (int) wider) < wider) {
        return more;
      }
    }
    return SearchRepository.bind(jdbc.sql(BY_PIECE.formatted(days, days)), q, position)
        .param("recipientIndexPattern", piece.recipientIndexPattern())
        .param("recipientText", piece.recipientText())
        .param("referenceIndexPattern", piece.referenceIndexPattern())
        .param("referenceText", piece.referenceText())
        .query(SearchRepository::map)
        .list();
  }

  private List<Found> recent(
      SearchQuery q, SearchTerm.Piece piece, PagePosition position, int window, String days) {
    return SearchRepository.bind(jdbc.sql(RECENT_PIECE.formatted(days)), q, position)
        .param("recipientPattern", piece.recipientPattern())
        .param("referencePattern", piece.referencePattern())
        .param("window", window)
        .query(SearchRepository::map)
        .list();
  }

  private long windowRows(SearchQuery q, PagePosition position, int window) {
    return jdbc.sql(WINDOW_ROWS)
        .param("serviceId", q.serviceId())
        .param("before", position.before())
        .param("beforeId", position.id())
        .param("window", window)
        .query(Long.class)
        .single();
  }
}
