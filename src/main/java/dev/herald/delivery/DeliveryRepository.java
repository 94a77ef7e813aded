package dev.herald.delivery;

import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationStatus;
import dev.herald.notification.NotificationStatus.Change;
import dev.herald.notification.PersonalData;
import dev.herald.notification.PersonalDataReader;
import dev.herald.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a worker reads and writes: the delivery queue, and a notification's status after hand-over.
 */
@Repository
class DeliveryRepository {

  private final JdbcClient jdbc;
  private final PersonalDataReader personalData;

  DeliveryRepository(JdbcClient jdbc, PersonalDataReader personalData) {
    this.jdbc = jdbc;
    this.personalData = personalData;
  }

  /**
   * Claims up to {@code limit} due rows of the delivery queue for {@code instance} until {@code
   * until}, API sends first, and answers each with its notification and personal data. A row whose
   * notification is gone, or no longer {@code created}, or whose personal data retention removed,
   * comes back without {@link Claimed#work()}: there is nothing to send.
   *
   * <p>Two statements: the claim with the notifications, then the personal data of those still
   * {@code created}, from their expiry days' partitions only ({@link PersonalDataReader}). Probed
   * from the claim with each row's {@code expires_on}, the personal data was planned over every
   * partition and a generic plan locked each of them (ClaimPlanIT).
   */
  List<Claimed> claim(String instance, Instant now, Instant until, int limit) {
    return claim(instance, now, until, limit, false);
  }

  /** Claims as {@link #claim(String, Instant, Instant, int)}, API sends only if {@code apiOnly}. */
  List<Claimed> claim(String instance, Instant now, Instant until, int limit, boolean apiOnly) {
    List<ClaimedRow> rows =
        jdbc.sql(CLAIM)
            .param("instance", instance)
            .param("now", Sql.ts(now))
            .param("until", Sql.ts(until))
            .param("limit", limit)
            .param("lowest", apiOnly ? NotificationRepository.PRIORITY_BULK + 1 : Integer.MIN_VALUE)
            .query(DeliveryRepository::claimedRow)
            .list();
    Map<UUID, LocalDate> days = new HashMap<>(rows.size() * 2);
    rows.stream().filter(ClaimedRow::created).forEach(r -> days.put(r.id(), r.expiresOn()));
    Map<UUID, PersonalData> found = personalData.find(days);
    return rows.stream().map(r -> r.claimed(found.get(r.id()))).toList();
  }

  /**
   * Whether a job's rows are being stored: a job {@code in progress} that moved on at or after
   * {@code since} (one that stopped moving, its instance dead or its batch failing, does not count
   * once {@code since} has passed it). By the partial index of V0036.
   */
  boolean jobStoring(Instant since) {
    return jdbc.sql(
            """
            SELECT EXISTS (SELECT 1 FROM jobs
                            WHERE job_status = 'in progress' AND updated_at >= :since)
            """)
        .param("since", Sql.ts(since))
        .query(Boolean.class)
        .single();
  }

  /**
   * The claim: the rows are matched by {@code = ANY(ARRAY(…))} and the notifications by a LATERAL
   * subquery with LIMIT 1, so that each is a probe of a primary key whatever the statistics say. As
   * an {@code IN} and a plain join, planned with the statistics of an empty queue, they were a hash
   * join over a sequential scan of the queue and of {@code notifications} for every batch (bench
   * pipeline: 110 blocks per message, the hand-overs starved).
   */
  static final String CLAIM =
      """
      WITH claimed AS (
        UPDATE delivery_queue q
           SET leased_by = :instance, leased_until = :until, claims = q.claims + 1
         WHERE q.notification_id = ANY(ARRAY(
                 SELECT notification_id FROM delivery_queue
                  WHERE run_at <= :now AND (leased_until IS NULL OR leased_until < :now)
                    AND priority >= :lowest
                  ORDER BY priority DESC, run_at
                  LIMIT :limit
                    FOR UPDATE SKIP LOCKED))
        RETURNING q.notification_id, q.key_type, q.claims, q.attempts, q.priority
      )
      SELECT c.notification_id, c.claims, c.attempts, c.priority, n.service_id, n.template_id,
             n.template_version, n.key_type, n.notification_type, n.status, n.international,
             n.expires_on
        FROM claimed c
        LEFT JOIN LATERAL (SELECT id, service_id, template_id, template_version, key_type,
                                  notification_type, status, international, expires_on
                             FROM notifications
                            WHERE id = c.notification_id AND key_type = c.key_type
                            LIMIT 1) n ON true
      """;

  private static ClaimedRow claimedRow(ResultSet rs, int row) throws SQLException {
    return new ClaimedRow(
        rs.getObject("notification_id", UUID.class),
        rs.getLong("claims"),
        rs.getInt("attempts"),
        rs.getInt("priority") <= NotificationRepository.PRIORITY_BULK,
        NotificationStatus.CREATED.value().equals(rs.getString("status")),
        rs.getObject("service_id", UUID.class),
        rs.getObject("template_id", UUID.class),
        rs.getInt("template_version"),
        rs.getString("key_type"),
        rs.getString("notification_type"),
        rs.getBoolean("international"),
        rs.getObject("expires_on", LocalDate.class));
  }

  /** A claimed row with its notification, before its personal data is read. */
  private record ClaimedRow(
      UUID id,
      long claims,
      int attempts,
      boolean bulk,
      boolean created,
      UUID serviceId,
      UUID templateId,
      int templateVersion,
      String keyType,
      String type,
      boolean international,
      LocalDate expiresOn) {

    Claimed claimed(PersonalData p) {
      Work work =
          created && p != null
              ? new Work(
                  id,
                  serviceId,
                  templateId,
                  templateVersion,
                  keyType,
                  type,
                  NotificationStatus.CREATED,
                  international,
                  p.recipient(),
                  p.normalisedRecipient(),
                  p.personalisationJson(),
                  p.replyToText(),
                  p.unsubscribeLink(),
                  bulk)
              : null;
      return new Claimed(id, claims, attempts, bulk, work, created);
    }
  }

  /** Keeps the leases of the runs this instance still holds from lapsing. */
  void extendLeases(String instance, Collection<UUID> ids, Instant until) {
    jdbc.sql(
            """
            UPDATE delivery_queue SET leased_until = :until
             WHERE notification_id = ANY(:ids) AND leased_by = :instance
            """)
        .param("ids", Sql.array("uuid", ids))
        .param("instance", instance)
        .param("until", Sql.ts(until))
        .update();
  }

  /**
   * Puts a claimed row back to wait until {@code runAt}, counting a failed attempt; nothing if
   * another run has claimed it since.
   */
  void retryLater(UUID id, long claims, Instant runAt) {
    jdbc.sql(
            """
            UPDATE delivery_queue
               SET run_at = :runAt, attempts = attempts + 1, leased_by = NULL, leased_until = NULL
             WHERE notification_id = :id AND claims = :claims
            """)
        .param("id", id)
        .param("claims", claims)
        .param("runAt", Sql.ts(runAt))
        .update();
  }

  /** Puts a claimed row back, due at {@code runAt}, without counting an attempt. */
  void putBack(UUID id, long claims, Instant runAt) {
    jdbc.sql(
            """
            UPDATE delivery_queue SET run_at = :runAt, leased_by = NULL, leased_until = NULL
             WHERE notification_id = :id AND claims = :claims
            """)
        .param("id", id)
        .param("claims", claims)
        .param("runAt", Sql.ts(runAt))
        .update();
  }

  /** Removes a claimed row once its run is over; nothing if another run has claimed it since. */
  void remove(UUID id, long claims) {
    jdbc.sql("DELETE FROM delivery_queue WHERE notification_id = :id AND claims = :claims")
        .param("id", id)
        .param("claims", claims)
        .update();
  }

  /**
   * Records hand-overs (of distinct notifications), each only along a move {@link Change#HAND_OVER}
   * allows (from {@code created}), and answers those recorded with the status each now has: one
   * missing means another run got there first, and nothing changed for it. A hand-over with an
   * {@link HandedOver#outcome} (a simulated receipt) takes that status at once where {@link
   * Change#RECEIPT} allows the move from the hand-over's status, in this same update: this
   * statement costs 79–207 µs of PostgreSQL time per notification with the receipt in it, where a
   * second update of the rows for the receipts cost 254–412 µs more (intake benchmark with the
   * outbox, 16 and 64 clients, {@code --statements=true}, 2 shared cores).
   */
  Map<UUID, NotificationStatus> markHandedOver(List<HandedOver> handedOver, Instant now) {
    Map<UUID, NotificationStatus> recorded = new HashMap<>();
    jdbc.sql(HAND_OVER)
        .param("guard", Change.HAND_OVER.guard())
        .param("receipt", Change.RECEIPT.guard())
        .param("ids", Sql.array("uuid", handedOver.stream().map(HandedOver::id).toList()))
        .param(
            "statuses",
            Sql.array("text", handedOver.stream().map(h -> h.status().value()).toList()))
        .param(
            "outcomes",
            Sql.array(
                "text",
                handedOver.stream()
                    .map(h -> h.outcome() == null ? null : h.outcome().value())
                    .toList()))
        .param(
            "providers", Sql.array("text", handedOver.stream().map(HandedOver::provider).toList()))
        .param(
            "references",
            Sql.array("text", handedOver.stream().map(HandedOver::reference).toList()))
        .param(
            "units", Sql.array("int4", handedOver.stream().map(HandedOver::billableUnits).toList()))
        .param("now", Sql.ts(now))
        .query(
            (rs, row) ->
                recorded.put(
                    rs.getObject("id", UUID.class),
                    NotificationStatus.of(rs.getString("status")).orElseThrow()))
        .list();
    return recorded;
  }

  /**
   * The hand-overs' update: each row found by its id in {@code :ids}, then matched to its values.
   */
  static final String HAND_OVER =
      """
      UPDATE notifications n
         SET status = CASE WHEN n.notification_type || ' ' || h.status || ' ' || h.outcome
                                = ANY (CAST(:receipt AS text[]))
                           THEN h.outcome ELSE h.status END,
             sent_at = :now, sent_by = h.provider,
             reference = h.reference, billable_units = h.billable_units, updated_at = :now
        FROM unnest(:ids, :statuses, :outcomes, :providers, :references, :units)
             AS h (id, status, outcome, provider, reference, billable_units)
       WHERE n.id = ANY(:ids) AND n.id = h.id
         AND n.notification_type || ' ' || n.status || ' ' || h.status = ANY (CAST(:guard AS text[]))
      RETURNING n.id, n.status
      """;

  /**
   * Removes the queue rows of these runs (a row claimed again since belongs to another run, and
   * stays), and answers the {@link #runKey}s of those it removed.
   */
  Set<String> removeFromQueue(List<HandedOver> runs) {
    return jdbc.sql(REMOVE_FROM_QUEUE)
        .param("ids", Sql.array("uuid", runs.stream().map(HandedOver::id).toList()))
        .param("claims", Sql.array("int8", runs.stream().map(HandedOver::claim).toList()))
        .query(String.class)
        .set();
  }

  /**
   * The removal of finished runs' queue rows: found by id in {@code :ids}, kept if claimed since.
   */
  static final String REMOVE_FROM_QUEUE =
      """
      DELETE FROM delivery_queue q
       USING unnest(:ids, :claims) AS r (id, claims)
       WHERE q.notification_id = ANY(:ids) AND q.notification_id = r.id
         AND q.claims = r.claims
      RETURNING q.notification_id || ':' || q.claims
      """;

  /** A run: its notification and its claim of the queue row. */
  static String runKey(HandedOver run) {
    return run.id() + ":" + run.claim();
  }

  /**
   * A provider took a notification; {@code claim} is the run's claim of the queue row, {@code
   * outcome} its simulated receipt (outbox, test keys), or null when a provider reports later.
   */
  record HandedOver(
      UUID id,
      NotificationStatus status,
      String provider,
      String reference,
      int billableUnits,
      long claim,
      NotificationStatus outcome) {

    HandedOver(
        UUID id,
        NotificationStatus status,
        String provider,
        String reference,
        int billableUnits,
        long claim) {
      this(id, status, provider, reference, billableUnits, claim, null);
    }
  }

  /**
   * Gives up on a notification still waiting for its hand-over ({@link Change#GIVE_UP}: {@code
   * created}); false if it had moved on.
   */
  boolean markTechnicalFailure(UUID id, Instant now) {
    return jdbc.sql(
                """
                UPDATE notifications SET status = :to, updated_at = :now
                 WHERE id = :id
                   AND notification_type || ' ' || status || ' ' || :to = ANY (CAST(:guard AS text[]))
                """)
            .param("guard", Change.GIVE_UP.guard())
            .param("to", NotificationStatus.TECHNICAL_FAILURE.value())
            .param("now", Sql.ts(now))
            .param("id", id)
            .update()
        == 1;
  }

  /**
   * A claimed row of the delivery queue: its claim count, the attempts that failed before, and the
   * work to do, if any. {@code created} is whether the notification still waits for a hand-over.
   */
  /** A claimed row; {@code bulk} if it is on the bulk lane (a job's row). */
  record Claimed(UUID id, long claims, int attempts, boolean bulk, Work work, boolean created) {

    @Override
    public String toString() {
      return "Claimed[" + id + ", claim " + claims + "]";
    }
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
      String unsubscribeLink,
      boolean bulk) {

    @Override
    public String toString() {
      return "Work[" + id + "]";
    }
  }
}
