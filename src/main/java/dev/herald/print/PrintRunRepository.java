package dev.herald.print;

import dev.herald.notification.PersonalData;
import dev.herald.notification.PersonalDataReader;
import dev.herald.support.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads and writes of print runs and their batches. */
@Repository
class PrintRunRepository {

  /** A letter a run takes. */
  record Due(UUID id, UUID serviceId, String postage, int sheets) {}

  /** A batch as planned. */
  record Planned(UUID id, int sequence, UUID serviceId, String postage, int letters, int sheets) {}

  /** A batch waiting for its hand-over, with its run's day and deadline. */
  record Waiting(
      UUID id,
      LocalDate runDay,
      Instant deadline,
      int sequence,
      UUID serviceId,
      String postage,
      String status) {}

  /** A letter of a batch, as its hand-over reads it. */
  record Letter(
      UUID id,
      String reference,
      String postage,
      int sheets,
      boolean international,
      LocalDate expiresOn,
      String recipient) {}

  private final JdbcClient jdbc;
  private final PersonalDataReader personalData;

  PrintRunRepository(JdbcClient jdbc, PersonalDataReader personalData) {
    this.jdbc = jdbc;
    this.personalData = personalData;
  }

  /**
   * Starts the day's run, unless it has one: a second start at the same time waits for the first to
   * commit, then finds it.
   */
  Optional<UUID> start(LocalDate runDay, Instant deadline, String provider, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO print_runs (id, run_day, deadline, provider, started_at, letters, sheets,
                                    by_postage)
            VALUES (:id, :runDay, :deadline, :provider, :now, 0, 0, '{}')
            ON CONFLICT (run_day) DO NOTHING
            RETURNING id
            """)
        .param("id", UUID.randomUUID())
        .param("runDay", runDay)
        .param("deadline", Sql.ts(deadline))
        .param("provider", provider)
        .param("now", Sql.ts(now))
        .query(UUID.class)
        .optional();
  }

  /**
   * The live letters the run takes, locked until it commits (a cancel waits, then finds the letter
   * in a batch): created with their PDF made, before the deadline, in no batch; grouped for
   * batching, oldest first within a group.
   */
  List<Due> due(Instant deadline) {
    return jdbc.sql(
            """
            SELECT id, service_id, postage, billable_units FROM notifications
             WHERE notification_type = 'letter' AND status = 'created' AND print_batch_id IS NULL
               AND key_type = 'normal' AND billable_units > 0 AND created_at < :deadline
             ORDER BY service_id, postage, created_at, id
               FOR UPDATE
            """)
        .param("deadline", Sql.ts(deadline))
        .query(
            (rs, i) ->
                new Due(
                    rs.getObject("id", UUID.class),
                    rs.getObject("service_id", UUID.class),
                    rs.getString("postage"),
                    rs.getInt("billable_units")))
        .list();
  }

  /** Stores the run's batches and puts each letter in its batch. */
  void plan(UUID runId, List<Planned> batches, List<UUID> letters, List<UUID> batchOfLetter) {
    jdbc.sql(
            """
            INSERT INTO print_batches (id, run_id, sequence, service_id, postage, letters, sheets,
                                       status)
            SELECT b.id, :runId, b.sequence, b.service_id, b.postage, b.letters, b.sheets, 'planned'
              FROM unnest(CAST(:ids AS uuid[]), CAST(:sequences AS int[]),
                          CAST(:services AS uuid[]), CAST(:postages AS text[]),
                          CAST(:letters AS int[]), CAST(:sheets AS int[]))
                AS b (id, sequence, service_id, postage, letters, sheets)
            """)
        .param("runId", runId)
        .param("ids", Sql.array("uuid", batches.stream().map(Planned::id).toList()))
        .param("sequences", Sql.array("int4", batches.stream().map(Planned::sequence).toList()))
        .param("services", Sql.array("uuid", batches.stream().map(Planned::serviceId).toList()))
        .param("postages", Sql.array("text", batches.stream().map(Planned::postage).toList()))
        .param("letters", Sql.array("int4", batches.stream().map(Planned::letters).toList()))
        .param("sheets", Sql.array("int4", batches.stream().map(Planned::sheets).toList()))
        .update();
    int assigned =
        jdbc.sql(
                """
                UPDATE notifications n SET print_batch_id = l.batch_id
                  FROM unnest(CAST(:ids AS uuid[]), CAST(:batches AS uuid[])) AS l (id, batch_id)
                 WHERE n.id = l.id AND n.key_type = 'normal'
                """)
            .param("ids", Sql.array("uuid", letters))
            .param("batches", Sql.array("uuid", batchOfLetter))
            .update();
    if (assigned != letters.size()) {
      throw new IllegalStateException("Put " + assigned + " of " + letters.size() + " in batches");
    }
  }

  /** Records what the run put in its batches. */
  void recordTotals(UUID runId, int letters, int sheets, String byPostageJson) {
    jdbc.sql(
            """
            UPDATE print_runs SET letters = :letters, sheets = :sheets,
                   by_postage = CAST(:byPostage AS jsonb)
             WHERE id = :id
            """)
        .param("letters", letters)
        .param("sheets", sheets)
        .param("byPostage", byPostageJson)
        .param("id", runId)
        .update();
  }

  Optional<Waiting> batch(UUID batchId) {
    return jdbc.sql(
            """
            SELECT b.id, r.run_day, r.deadline, b.sequence, b.service_id, b.postage, b.status
              FROM print_batches b JOIN print_runs r ON r.id = b.run_id
             WHERE b.id = :id
            """)
        .param("id", batchId)
        .query(
            (rs, i) ->
                new Waiting(
                    rs.getObject("id", UUID.class),
                    rs.getObject("run_day", LocalDate.class),
                    Sql.instant(rs, "deadline"),
                    rs.getInt("sequence"),
                    rs.getObject("service_id", UUID.class),
                    rs.getString("postage"),
                    rs.getString("status")))
        .optional();
  }

  /**
   * The batch's letters still waiting for it, with their addresses (null when gone), oldest first:
   * the addresses read next from their expiry days' partitions only ({@link PersonalDataReader}).
   */
  List<Letter> letters(UUID batchId) {
    List<Letter> letters =
        jdbc.sql(
                """
                SELECT id, reference, postage, billable_units, international, expires_on
                  FROM notifications
                 WHERE print_batch_id = :batch AND key_type = 'normal' AND status = 'created'
                 ORDER BY created_at, id
                """)
            .param("batch", batchId)
            .query(
                (rs, i) ->
                    new Letter(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        rs.getString("postage"),
                        rs.getInt("billable_units"),
                        rs.getBoolean("international"),
                        rs.getObject("expires_on", LocalDate.class),
                        null))
            .list();
    Map<UUID, LocalDate> days = new HashMap<>();
    letters.forEach(l -> days.put(l.id(), l.expiresOn()));
    Map<UUID, PersonalData> personal = letters.isEmpty() ? Map.of() : personalData.find(days);
    return letters.stream()
        .map(
            l ->
                new Letter(
                    l.id(),
                    l.reference(),
                    l.postage(),
                    l.sheets(),
                    l.international(),
                    l.expiresOn(),
                    personal.containsKey(l.id()) ? personal.get(l.id()).recipient() : null))
        .toList();
  }

  /** The batch's letters that the provider rejected become technical failures; answers them. */
  List<UUID> rejected(UUID batchId, List<UUID> rejected, Instant now) {
    if (rejected.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            UPDATE notifications SET status = 'technical-failure', updated_at = :now
             WHERE id = ANY (:rejected) AND print_batch_id = :batch AND key_type = 'normal'
               AND status = 'created'
            RETURNING id
            """)
        .param("rejected", Sql.array("uuid", rejected))
        .param("now", Sql.ts(now))
        .param("batch", batchId)
        .query(UUID.class)
        .list();
  }

  /**
   * Records the provider taking the batch: its letters still waiting become {@code sending} by the
   * provider, and the batch is sent. Answers the letters that became sending with their references.
   */
  List<Sent> handedOver(UUID batchId, String provider, int rejected, Instant now) {
    List<Sent> sending =
        jdbc.sql(
                """
                UPDATE notifications
                   SET status = 'sending', sent_at = :now, sent_by = :provider, updated_at = :now
                 WHERE print_batch_id = :batch AND key_type = 'normal' AND status = 'created'
                RETURNING id, reference
                """)
            .param("now", Sql.ts(now))
            .param("provider", provider)
            .param("batch", batchId)
            .query((rs, i) -> new Sent(rs.getObject("id", UUID.class), rs.getString("reference")))
            .list();
    jdbc.sql(
            """
            UPDATE print_batches SET status = 'sent', taken = :taken, rejected = :rejected,
                   sent_at = :now
             WHERE id = :id
            """)
        .param("taken", sending.size())
        .param("rejected", rejected)
        .param("now", Sql.ts(now))
        .param("id", batchId)
        .update();
    return sending;
  }

  /** A letter handed over, by id and reference. */
  record Sent(UUID id, String reference) {}

  /** The outbox's letters, despatched with their hand-over: delivered. */
  void despatched(List<UUID> ids, Instant now) {
    jdbc.sql(
            """
            UPDATE notifications SET status = 'delivered', updated_at = :now
             WHERE id = ANY (:ids) AND key_type = 'normal' AND status = 'sending'
            """)
        .param("ids", Sql.array("uuid", ids))
        .param("now", Sql.ts(now))
        .update();
  }

  /** A batch refused for good: its letters are free for the next run. */
  void failed(UUID batchId) {
    jdbc.sql(
            """
            UPDATE notifications SET print_batch_id = NULL
             WHERE print_batch_id = :batch AND key_type = 'normal' AND status = 'created'
            """)
        .param("batch", batchId)
        .update();
    jdbc.sql("UPDATE print_batches SET status = 'failed' WHERE id = :id AND status = 'planned'")
        .param("id", batchId)
        .update();
  }
}
