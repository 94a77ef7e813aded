package dev.herald.search;

import dev.herald.search.SearchRepository.Found;
import dev.herald.search.SearchRepository.SearchQuery;
import dev.herald.support.PagePosition;
import dev.herald.support.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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
   * How many of a service's newest notifications are read before the trigram indexes are tried: a
   * piece in one in twenty of them fills a page from here.
   */
  static final int WINDOW = 1_000;

  /**
   * The most read when the first {@link #WINDOW} held some matches but not a page; beyond it the
   * trigram indexes are likely cheaper. The walk reads page ÷ frequency notifications at about 6 µs
   * each, the trigram search every match at about 9 µs (EXPLAIN ANALYZE, 3M rows, 2 shared cores).
   */
  static final int WIDEST_WINDOW = 20_000;

  /**
   * The service's newest {@code :window} notifications through ix_notifications_service_created,
   * each with whether the search's filters want it and whether its reference contains the piece:
   * the first of the three statements of a search of the newest ({@link #recent}). Fewer rows than
   * the window means the service has no more. The personal data is read by the second, {@link
   * #recipients}, a partition at a time: probed per row from here (a LATERAL subquery), each probe
   * paid for pruning the Append of every day of the service, 7 µs a row at 41 days, 7 of the 10 ms
   * of a window of 1,000 (EXPLAIN ANALYZE, 10M rows, 2 shared cores).
   */
  static final String NEWEST =
      """
      SELECT id, created_at, expires_on,
             key_type = ANY (CAST(:keyTypes AS text[]))
               AND status = ANY (CAST(:statuses AS text[]))
               AND notification_type = ANY (CAST(:types AS text[])) AS wanted,
             coalesce(client_reference ILIKE :referencePattern, false) AS reference_matches
        FROM notifications
       WHERE service_id = :serviceId
         AND (created_at, id) < (:before, :beforeId)
       ORDER BY created_at DESC, id DESC
       LIMIT :window
      """;

  /**
   * Of the wanted notifications of one expiry day ({@code %s}, a constant, so that one partition is
   * planned), those whose recipient contains the piece or whose reference did, with the recipient:
   * one probe of the day's primary key per notification. A search's days are joined by UNION ALL.
   */
  static final String RECIPIENTS_OF_DAY =
      """
      SELECT notification_id, recipient
        FROM notification_personal_data
       WHERE expires_on = DATE '%s'
         AND notification_id = ANY (CAST(:ids%d AS uuid[]))
         AND (normalised_recipient LIKE :recipientPattern
              OR notification_id = ANY (CAST(:referenceIds AS uuid[])))
      """;

  /** The page's notifications by key, newest first: the last of the three statements. */
  static final String BY_IDS =
      """
      SELECT id, notification_type, status, key_type, template_id, template_version,
             client_reference, created_at, sent_at, updated_at
        FROM notifications
       WHERE id = ANY (CAST(:ids AS uuid[]))
         AND service_id = :serviceId
         AND key_type = ANY (CAST(:keyTypes AS text[]))
       ORDER BY created_at DESC, id DESC
      """;

  /**
   * Notify's search by a piece: the two trigram indexes, one branch each, so that neither OR arm
   * forces a scan of the service's rows. The indexes are asked for the piece's distinctive part
   * ({@link SearchTerm#distinctive}); {@code strpos}, which no index serves, checks the whole piece
   * on each row they find. The planner cannot tell how many rows strpos keeps, so each match's
   * notification is probed by key (LATERAL … LIMIT 1); as joins, it hashed the whole of
   * notifications or of the personal data. A match by recipient carries its recipient; only a match
   * by reference alone probes the personal data for it (as in {@link #RECIPIENTS_OF_DAY}, each such
   * probe prunes every day of the service: 7 µs a row). Bounded to the service's days ({@code %s},
   * twice).
   */
  static final String BY_PIECE =
      """
      WITH by_recipient AS MATERIALIZED (
        SELECT p.notification_id AS id, p.recipient
          FROM notification_personal_data p
         WHERE p.service_id = :serviceId
           AND p.expires_on = ANY ('%s'::date[])
           AND p.normalised_recipient LIKE :recipientIndexPattern
           AND strpos(p.normalised_recipient, :recipientText) > 0
      ), matched AS (
        SELECT id, recipient FROM by_recipient
        UNION ALL
        SELECT n.id, p.recipient
          FROM notifications n
         CROSS JOIN LATERAL (SELECT p.recipient
                               FROM notification_personal_data p
                              WHERE p.notification_id = n.id AND p.expires_on = n.expires_on
                                AND p.expires_on = ANY ('%s'::date[])
                              LIMIT 1) p
         WHERE n.service_id = :serviceId
           AND n.client_reference ILIKE :referenceIndexPattern
           AND strpos(lower(n.client_reference), lower(:referenceText)) > 0
           AND NOT EXISTS (SELECT 1 FROM by_recipient r WHERE r.id = n.id)
      )
      SELECT n.id, n.notification_type, n.status, n.key_type, n.template_id, n.template_version,
             n.client_reference, n.created_at, n.sent_at, n.updated_at, m.recipient
        FROM matched m
       CROSS JOIN LATERAL (SELECT * FROM notifications WHERE id = m.id LIMIT 1) n
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
   * The newest notifications first ({@link #recent}); if they held no page and the service has
   * more, the trigram indexes. In the caller's transaction.
   */
  List<Found> search(SearchQuery q, SearchTerm.Piece piece, PagePosition position, String days) {
    Window recent = recent(q, piece, position);
    if (recent.found().size() == q.limit() || recent.all()) {
      return recent.found();
    }
    // Planned for its values every time (6–10 ms at 41 days): once pgjdbc prepares it on the
    // server, PostgreSQL's generic plan ANDs each day's trigram bitmap with the service's whole
    // ix_personal_data_service_recipient range, 57,000 entries a day for the largest service: 220
    // ms where the custom plan takes 15 (EXPLAIN ANALYZE and auto_explain, 10M rows).
    jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    return SearchRepository.bind(jdbc.sql(BY_PIECE.formatted(days, days)), q, position)
        .param("recipientIndexPattern", piece.recipientIndexPattern())
        .param("recipientText", piece.recipientText())
        .param("referenceIndexPattern", piece.referenceIndexPattern())
        .param("referenceText", piece.referenceText())
        .query(SearchRepository::map)
        .list();
  }

  /**
   * Up to a page of matches among the newest, how many of those were read and of how many the
   * personal data was probed, and whether they were all the service's notifications.
   */
  record Window(List<Found> found, int read, int probed, boolean all) {}

  /** One of the newest notifications: its place, its day, what the filters and reference say. */
  private record Newest(
      UUID id, Instant createdAt, LocalDate expiresOn, boolean wanted, boolean referenceMatches) {}

  /**
   * The first chunk's size: a piece in about half of the newest fills a page from it, as {@code
   * example.com} does. The rest of the window is read in one more chunk: each statement costs about
   * a millisecond whatever its size.
   */
  static final int FIRST_CHUNK = 128;

  /**
   * The newest notifications a chunk at a time, newest first (NEWEST), each chunk's wanted ones'
   * personal data probed (RECIPIENTS_OF_DAY), until a page matched or {@link #WINDOW} were read; if
   * some matched but not a page, on to as many as a page needs at that rate, up to {@link
   * #WIDEST_WINDOW}. Then the page's notifications (BY_IDS).
   */
  Window recent(SearchQuery q, SearchTerm.Piece piece, PagePosition position) {
    Map<UUID, String> recipients = new HashMap<>();
    List<UUID> matched = new ArrayList<>();
    int read = 0;
    int probed = 0;
    int window = WINDOW;
    boolean all = false;
    PagePosition from = position;
    while (read < window && matched.size() < q.limit()) {
      int size = read == 0 ? Math.min(FIRST_CHUNK, window) : window - read;
      List<Newest> newest = newest(q, piece, from, size);
      read += newest.size();
      List<Newest> wanted = newest.stream().filter(Newest::wanted).toList();
      probed += wanted.size();
      if (!wanted.isEmpty()) {
        Map<UUID, String> found = recipients(wanted, piece);
        recipients.putAll(found);
        wanted.stream().map(Newest::id).filter(found::containsKey).forEach(matched::add);
      }
      if (newest.size() < size) {
        all = true;
        break;
      }
      Newest last = newest.getLast();
      from = new PagePosition(last.createdAt(), last.id());
      long wider = matched.isEmpty() ? Long.MAX_VALUE : 2L * read * q.limit() / matched.size();
      if (read == WINDOW && wider <= WIDEST_WINDOW) {
        window = (int) wider;
      }
    }
    if (matched.isEmpty()) {
      return new Window(List.of(), read, probed, all);
    }
    List<UUID> page = matched.subList(0, Math.min(matched.size(), q.limit()));
    List<Found> found =
        jdbc.sql(BY_IDS)
            .param("ids", Sql.array("uuid", page))
            .param("serviceId", q.serviceId())
            .param("keyTypes", q.keyTypes().toArray(String[]::new))
            .query(
                (rs, row) ->
                    SearchRepository.map(rs, recipients.get(rs.getObject("id", UUID.class))))
            .list();
    return new Window(found, read, probed, all);
  }

  private List<Newest> newest(SearchQuery q, SearchTerm.Piece piece, PagePosition from, int rows) {
    return SearchRepository.bind(jdbc.sql(NEWEST), q, from)
        .param("referencePattern", piece.referencePattern())
        .param("window", rows)
        .query(
            (rs, row) ->
                new Newest(
                    rs.getObject("id", UUID.class),
                    Sql.instant(rs, "created_at"),
                    rs.getObject("expires_on", LocalDate.class),
                    rs.getBoolean("wanted"),
                    rs.getBoolean("reference_matches")))
        .list();
  }

  /**
   * RECIPIENTS_OF_DAY for each day of these notifications, in one statement: the recipient of each
   * that matches, by id.
   */
  private Map<UUID, String> recipients(List<Newest> chunk, SearchTerm.Piece piece) {
    Map<LocalDate, List<UUID>> byDay = new TreeMap<>();
    List<UUID> byReference = new ArrayList<>();
    for (Newest n : chunk) {
      byDay.computeIfAbsent(n.expiresOn(), d -> new ArrayList<>()).add(n.id());
      if (n.referenceMatches()) {
        byReference.add(n.id());
      }
    }
    List<String> branches = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    for (Map.Entry<LocalDate, List<UUID>> day : byDay.entrySet()) {
      params.put("ids" + branches.size(), Sql.array("uuid", day.getValue()));
      branches.add(RECIPIENTS_OF_DAY.formatted(day.getKey(), branches.size()));
    }
    Map<UUID, String> recipients = new HashMap<>();
    jdbc.sql(String.join("UNION ALL\n", branches))
        .params(params)
        .param("recipientPattern", piece.recipientPattern())
        .param("referenceIds", Sql.array("uuid", byReference))
        .query(
            rs -> {
              recipients.put(
                  rs.getObject("notification_id", UUID.class), rs.getString("recipient"));
            });
    return recipients;
  }
}
