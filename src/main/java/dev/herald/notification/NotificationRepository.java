package dev.herald.notification;

import dev.herald.support.CopyText;
import dev.herald.support.PagePosition;
import dev.herald.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
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
  private final DataSource db;
  private final PersonalDataReader personalData;

  NotificationRepository(JdbcClient jdbc, DataSource db, PersonalDataReader personalData) {
    this.jdbc = jdbc;
    this.db = db;
    this.personalData = personalData;
  }

  /**
   * Stores a notification, its personal data and its place in the delivery queue in one statement,
   * so that none can exist without the others.
   */
  public void insert(Notification n, PersonalData p) {
    insert(n, p, PRIORITY_API);
  }

  /** Stores as {@link #insert(Notification, PersonalData)}, queued at the given priority. */
  public void insert(Notification n, PersonalData p, int priority) {
    insertAll(List.of(new Queued(n, p, priority)));
  }

  /**
   * Stores notifications with their personal data and places in the delivery queue or, for letters,
   * the task that makes their PDF, in one statement: all or none.
   */
  public void insertAll(List<Queued> rows) {
    jdbc.sql(
            """
            WITH r AS (
              SELECT * FROM unnest(:ids, :serviceIds, :templateIds, :templateVersions, :apiKeyIds,
                                   :keyTypes, :types, :statuses, :clientReferences, :references,
                                   :billableUnits, :internationals, :phonePrefixes, :postages,
                                   :expiresOns, :createdAts, :recipients, :normalisedRecipients,
                                   :personalisations, :replyToTexts, :unsubscribeLinks,
                                   :priorities, :jobIds, :jobRowNumbers, :runAts)
                AS r (id, service_id, template_id, template_version, api_key_id, key_type,
                      notification_type, status, client_reference, reference, billable_units,
                      international, phone_prefix, postage, expires_on, created_at, recipient,
                      normalised_recipient, personalisation, reply_to_text, unsubscribe_link,
                      priority, job_id, job_row_number, run_at)
            ), notification AS (
              INSERT INTO notifications (id, service_id, template_id, template_version, api_key_id,
                                         key_type, notification_type, status, client_reference,
                                         reference, billable_units, international, phone_prefix,
                                         postage, expires_on, created_at, job_id, job_row_number)
              SELECT id, service_id, template_id, template_version, api_key_id, key_type,
                     notification_type, status, client_reference, reference, billable_units,
                     international, phone_prefix, postage, CAST(expires_on AS date),
                     CAST(created_at AS timestamptz), job_id, job_row_number
                FROM r
            ), personal AS (
              INSERT INTO notification_personal_data (notification_id, expires_on, service_id,
                                                      recipient, normalised_recipient,
                                                      personalisation, reply_to_text,
                                                      unsubscribe_link)
              SELECT id, CAST(expires_on AS date), service_id, recipient, normalised_recipient,
                     CAST(personalisation AS jsonb), reply_to_text, unsubscribe_link
                FROM r
            ), letter AS (
              INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked,
                                           version, priority)
              SELECT :letterTask, CAST(id AS text) || '/' || expires_on,
                     CAST(created_at AS timestamptz), false, 1, :letterPriority
                FROM r
               WHERE notification_type = 'letter' AND priority <> :notQueued
            )
            INSERT INTO delivery_queue (notification_id, key_type, priority, run_at)
            SELECT id, key_type, priority, CAST(coalesce(run_at, created_at) AS timestamptz)
              FROM r
             WHERE notification_type <> 'letter' AND priority <> :notQueued
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
        .param(
            "references",
            column(
                rows,
                "text",
                q -> "letter".equals(q.notification().type()) ? LetterReference.next() : null))
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
        .param("jobIds", column(rows, "uuid", Queued::jobId))
        .param("jobRowNumbers", column(rows, "int4", Queued::jobRowNumber))
        .param(
            "runAts",
            column(rows, "text", q -> q.runAt() == null ? null : Sql.ts(q.runAt()).toString()))
        .param("notQueued", NOT_QUEUED)
        .param("letterTask", LETTER_PDF_TASK)
        .param("letterPriority", LETTER_PDF_PRIORITY)
        .update();
  }

  /**
   * Stores as {@link #insertAll}, by {@code COPY} into each table in turn: a job's batch, which the
   * transaction that records the job's progress holds (docs/performance.md, "Storing a job's
   * rows"). The tables are written in the order of {@link #insertAll}'s statement; a failure in any
   * fails the transaction.
   */
  public void copyAll(List<Queued> rows) {
    try (CopyText copy =
        CopyText.start(
            db,
            """
            COPY notifications (id, service_id, template_id, template_version, api_key_id,
                                key_type, notification_type, status, client_reference, reference,
                                billable_units, international, phone_prefix, postage, expires_on,
                                created_at, job_id, job_row_number) FROM STDIN
            """)) {
      for (Queued q : rows) {
        Notification n = q.notification();
        copy.value(n.id())
            .value(n.serviceId())
            .value(n.templateId())
            .value(n.templateVersion())
            .value(n.apiKeyId())
            .value(n.keyType())
            .value(n.type())
            .value(n.status().value())
            .value(n.clientReference())
            .value("letter".equals(n.type()) ? LetterReference.next() : null)
            .value(n.billableUnits())
            .value(n.international())
            .value(n.phonePrefix())
            .value(n.postage())
            .value(n.expiresOn())
            .value(n.createdAt())
            .value(q.jobId())
            .value(q.jobRowNumber())
            .endRow();
      }
      copy.finish();
    }
    try (CopyText copy =
        CopyText.start(
            db,
            """
            COPY notification_personal_data (notification_id, expires_on, service_id, recipient,
                                             normalised_recipient, personalisation, reply_to_text,
                                             unsubscribe_link) FROM STDIN
            """)) {
      for (Queued q : rows) {
        Notification n = q.notification();
        PersonalData p = q.personal();
        copy.value(n.id())
            .value(n.expiresOn())
            .value(n.serviceId())
            .value(p.recipient())
            .value(p.normalisedRecipient())
            .value(p.personalisationJson())
            .value(p.replyToText())
            .value(p.unsubscribeLink())
            .endRow();
      }
      copy.finish();
    }
    List<Queued> deliveries = new ArrayList<>();
    List<Queued> letters = new ArrayList<>();
    for (Queued q : rows) {
      if (q.priority() != NOT_QUEUED) {
        ("letter".equals(q.notification().type()) ? letters : deliveries).add(q);
      }
    }
    if (!deliveries.isEmpty()) {
      try (CopyText copy =
          CopyText.start(
              db, "COPY delivery_queue (notification_id, key_type, priority, run_at) FROM STDIN")) {
        for (Queued q : deliveries) {
          Notification n = q.notification();
          copy.value(n.id())
              .value(n.keyType())
              .value(q.priority())
              .value(q.runAt() == null ? n.createdAt() : q.runAt())
              .endRow();
        }
        copy.finish();
      }
    }
    if (!letters.isEmpty()) {
      try (CopyText copy =
          CopyText.start(
              db,
              """
              COPY scheduled_tasks (task_name, task_instance, execution_time, picked, version,
                                    priority) FROM STDIN
              """)) {
        for (Queued q : letters) {
          Notification n = q.notification();
          copy.value(LETTER_PDF_TASK)
              .value(n.id() + "/" + n.expiresOn())
              .value(n.createdAt())
              .value(false)
              .value(1)
              .value(LETTER_PDF_PRIORITY)
              .endRow();
        }
        copy.finish();
      }
    }
  }

  /** The task that makes a letter's PDF, queued with the letter (dev.herald.letter.LetterPdfs). */
  public static final String LETTER_PDF_TASK = "letter-pdf";

  /** Below the other tasks': a letter waits for the print run, a callback for nothing. */
  public static final int LETTER_PDF_PRIORITY = 10;

  /**
   * A notification to store, with its personal data, queued for delivery at {@code priority} (not
   * at all at {@link #NOT_QUEUED}: a job's row that failed validation), and the job row it was made
   * from, if any. {@code runAt} is its place in the queue at its priority, null for its creation
   * time (a job's row has its job's virtual time: {@link JobNotifications}).
   */
  public record Queued(
      Notification notification,
      PersonalData personal,
      int priority,
      UUID jobId,
      Integer jobRowNumber,
      Instant runAt) {

    public Queued(Notification notification, PersonalData personal, int priority) {
      this(notification, personal, priority, null, null, null);
    }
  }

  /**
   * Where the bulk lane's queue starts: the earliest {@code run_at} of its rows, or empty when it
   * is empty (the index on {@code (priority DESC, run_at)} answers it from its first entry).
   */
  Optional<Instant> bulkQueueHead() {
    return jdbc.sql(
            """
            SELECT run_at FROM delivery_queue WHERE priority = :bulk
             ORDER BY priority DESC, run_at LIMIT 1
            """)
        .param("bulk", PRIORITY_BULK)
        .query((rs, row) -> rs.getTimestamp("run_at").toInstant())
        .optional();
  }

  /** The priority of a notification stored but not sent. */
  public static final int NOT_QUEUED = -1;

  /**
   * One notification by id, without its personal data: that is read next from its expiry day's
   * partition only ({@link PersonalDataReader}; PersonalDataPlanIT).
   */
  static final String FIND =
      """
      SELECT * FROM notifications WHERE id = :id AND service_id = :serviceId
      """;

  /** A service's notification with its personal data; empty once retention has removed it. */
  public Optional<Stored> find(UUID serviceId, UUID id) {
    return jdbc.sql(FIND)
        .param("id", id)
        .param("serviceId", serviceId)
        .query(NotificationRepository::notification)
        .optional()
        .flatMap(
            n ->
                Optional.ofNullable(personalData.find(Map.of(n.id(), n.expiresOn())).get(n.id()))
                    .map(p -> new Stored(n, p)));
  }

  /**
   * The sheets a notification was counted as (its billable units), for checking a printer's count;
   * empty for an unknown id.
   */
  public Optional<Integer> billableUnits(UUID id) {
    return jdbc.sql(
            """
            SELECT billable_units FROM notifications WHERE id = :id
            """)
        .param("id", id)
        .query(Integer.class)
        .optional();
  }

  /**
   * One page of a service's notifications sent with one key type, newest first, with their personal
   * data; notifications past retention (no personal data) are left out, as Notify's list no longer
   * has them. {@code olderThan} continues after that notification (an unknown one gives an empty
   * page).
   *
   * <p>Two statements: the page of notifications, then their personal data in one probe per row,
   * planned over the page's expiry days only. As one statement (the personal data a LATERAL
   * subquery of each row), PostgreSQL planned the probe over every expiry-day partition (~120) on
   * each request: 2.6 ms of planning for 2–3 ms of execution (EXPLAIN ANALYZE, 3M generated rows).
   * The page leaves out notifications whose expiry day has no partition any more; one whose
   * personal data is gone all the same (a retention change re-dated it into the past) is skipped,
   * and the page is topped up from the notifications after it.
   */
  public List<Stored> page(ListQuery q) {
    Optional<PagePosition> start = PagePosition.after(jdbc, q.serviceId(), q.olderThan());
    if (start.isEmpty()) {
      return List.of();
    }
    List<Stored> page = new ArrayList<>(q.limit());
    PagePosition position = start.get();
    while (true) {
      int wanted = q.limit() - page.size();
      List<Notification> rows =
          q.reference() == null
              ? notificationsPage(q, position, wanted)
              : notificationsPageByReference(q, position, wanted);
      page.addAll(withPersonalData(rows));
      if (rows.size() < wanted || page.size() == q.limit()) {
        return page;
      }
      Notification last = rows.getLast();
      position = new PagePosition(last.createdAt(), last.id());
    }
  }

  private List<Notification> notificationsPage(ListQuery q, PagePosition position, int limit) {
    String statement;
    if (q.statuses().contains(NotificationStatus.DELIVERED.value())) {
      statement = PAGE;
    } else if (q.statuses().size() == 1) {
      statement = PAGE_OF_ONE_UNDELIVERED_STATUS;
    } else {
      statement = PAGE_OF_UNDELIVERED_STATUSES;
    }
    return listQuery(statement, q, position, limit)
        .query(NotificationRepository::notification)
        .list();
  }

  /** A page of the service's notifications with any of the statuses, newest first. */
  static final String PAGE =
      """
      SELECT n.* FROM notifications n
       WHERE n.service_id = :serviceId
         AND n.key_type = :keyType
         AND n.status = ANY (CAST(:statuses AS text[]))
         AND n.notification_type = ANY (CAST(:types AS text[]))
         AND (:includeJobs OR n.job_id IS NULL)
         AND (n.created_at, n.id) < (:before, :beforeId)
         AND n.expires_on >= (SELECT min(to_date(right(c.relname, 8), 'YYYYMMDD'))
                                FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                               WHERE i.inhparent = 'notification_personal_data'::regclass)
       ORDER BY n.created_at DESC, n.id DESC
       LIMIT :limit
      """;

  /**
   * {@link #PAGE} for one status other than {@code delivered} ({@code status=sending}, for
   * example): an equality, so that {@code ix_notifications_undelivered_page} (V0027) gives the rows
   * from the page's position in the page's order, and {@code status <> 'delivered'} written out, so
   * that even a generic plan (pgjdbc's after five runs) can prove the partial index covers them.
   * With {@code = ANY} no index on the status gives the rows in order (PostgreSQL 14 orders no scan
   * with an array on a later column), and the page was found by walking all the service's
   * notifications newest first: 95 ms at p50 for a status that only the last three days hold many
   * of (bench scale, 10M rows, largest service).
   */
  static final String PAGE_OF_ONE_UNDELIVERED_STATUS =
      """
      SELECT n.* FROM notifications n
       WHERE n.service_id = :serviceId
         AND n.key_type = :keyType
         AND n.status = (CAST(:statuses AS text[]))[1]
         AND n.status <> 'delivered'
         AND n.notification_type = ANY (CAST(:types AS text[]))
         AND (:includeJobs OR n.job_id IS NULL)
         AND (n.created_at, n.id) < (:before, :beforeId)
         AND n.expires_on >= (SELECT min(to_date(right(c.relname, 8), 'YYYYMMDD'))
                                FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                               WHERE i.inhparent = 'notification_personal_data'::regclass)
       ORDER BY n.created_at DESC, n.id DESC
       LIMIT :limit
      """;

  /**
   * {@link #PAGE_OF_ONE_UNDELIVERED_STATUS} for several statuses, none {@code delivered} ({@code
   * status=failed}: five): each status's range of {@code ix_notifications_undelivered_page} read in
   * order up to a page, and the page taken from their union. With {@code = ANY} the page was found
   * by walking the service's notifications newest first and reading each from the table to check
   * its status: for a service whose rows are spread among others', one table page per row.
   */
  static final String PAGE_OF_UNDELIVERED_STATUSES =
      """
      SELECT n.* FROM unnest(CAST(:statuses AS text[])) AS s (status)
       CROSS JOIN LATERAL (
             SELECT * FROM notifications n
              WHERE n.service_id = :serviceId
                AND n.key_type = :keyType
                AND n.status = s.status
                AND n.status <> 'delivered'
                AND n.notification_type = ANY (CAST(:types AS text[]))
                AND (:includeJobs OR n.job_id IS NULL)
                AND (n.created_at, n.id) < (:before, :beforeId)
                AND n.expires_on >= (SELECT min(to_date(right(c.relname, 8), 'YYYYMMDD'))
                                       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                                      WHERE i.inhparent = 'notification_personal_data'::regclass)
              ORDER BY n.created_at DESC, n.id DESC
              LIMIT :limit) n
       ORDER BY n.created_at DESC, n.id DESC
       LIMIT :limit
      """;

  /** As {@link #notificationsPage}, through the index of the service's references. */
  private List<Notification> notificationsPageByReference(
      ListQuery q, PagePosition position, int limit) {
    return listQuery(
            """
            SELECT n.* FROM notifications n
             WHERE n.service_id = :serviceId
               AND n.client_reference = :reference
               AND n.key_type = :keyType
               AND n.status = ANY (CAST(:statuses AS text[]))
               AND n.notification_type = ANY (CAST(:types AS text[]))
               AND (:includeJobs OR n.job_id IS NULL)
               AND (n.created_at, n.id) < (:before, :beforeId)
               AND n.expires_on >= (SELECT min(to_date(right(c.relname, 8), 'YYYYMMDD'))
                                      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                                     WHERE i.inhparent = 'notification_personal_data'::regclass)
             ORDER BY n.created_at DESC, n.id DESC
             LIMIT :limit
            """,
            q,
            position,
            limit)
        .param("reference", q.reference())
        .query(NotificationRepository::notification)
        .list();
  }

  /**
   * The notifications, in their order, with their personal data; those without any are left out.
   * The personal data is read from the page's expiry days' partitions only ({@link
   * PersonalDataReader}).
   */
  private List<Stored> withPersonalData(List<Notification> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, LocalDate> days = new HashMap<>(rows.size() * 2);
    rows.forEach(n -> days.put(n.id(), n.expiresOn()));
    Map<UUID, PersonalData> found = personalData.find(days);
    List<Stored> page = new ArrayList<>(rows.size());
    for (Notification n : rows) {
      PersonalData p = found.get(n.id());
      if (p != null) {
        page.add(new Stored(n, p));
      }
    }
    return page;
  }

  private static <T> SqlTypeValue column(List<T> rows, String type, Function<T, Object> value) {
    List<Object> values = new ArrayList<>(rows.size());
    rows.forEach(row -> values.add(value.apply(row)));
    return Sql.array(type, values);
  }

  private JdbcClient.StatementSpec listQuery(
      String sql, ListQuery q, PagePosition position, int limit) {
    return jdbc.sql(sql)
        .param("serviceId", q.serviceId())
        .param("keyType", q.keyType())
        .param("statuses", q.statuses().toArray(String[]::new))
        .param("types", q.types().toArray(String[]::new))
        .param("includeJobs", q.includeJobs())
        .param("before", position.before())
        .param("beforeId", position.id())
        .param("limit", limit);
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
    return new Stored(notification(rs, row), personalData(rs));
  }

  private static Notification notification(ResultSet rs, int row) throws SQLException {
    return new Notification(
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
        rs.getObject("expires_on", LocalDate.class),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "sent_at"),
        Sql.instant(rs, "updated_at"));
  }

  static PersonalData personalData(ResultSet rs) throws SQLException {
    return new PersonalData(
        rs.getString("recipient"),
        rs.getString("normalised_recipient"),
        rs.getString("personalisation"),
        rs.getString("reply_to_text"),
        rs.getString("unsubscribe_link"));
  }
}
