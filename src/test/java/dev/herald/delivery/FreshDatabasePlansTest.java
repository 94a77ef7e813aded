package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notification.NotificationStatus.Change;
import dev.herald.notification.PersonalDataReader;
import dev.herald.support.PlannerStatistics;
import dev.herald.testdata.PlanProbe;
import dev.herald.testdata.PlanProbe.Param;
import dev.herald.testdata.PlanProbe.Prepared;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database made a minute ago, as a new user's is: the migrations, then 20,000 notifications
 * queued, no {@code ANALYZE} and autovacuum not there yet (off). Once {@link PlannerStatistics} has
 * checked it, the delivery path's statements read notifications, personal data and the queue by
 * index, in custom and in generic plans, and a generic plan made while the tables were empty (as
 * pgjdbc's server-side statements keep them from Herald's first sends) is made again. Without it
 * the hand-over and the personal data read were sequential scans of 20,000 rows per batch.
 */
class FreshDatabasePlansTest {

  private static final int ROWS = 20_000;
  private static final LocalDate EXPIRES = LocalDate.of(2030, 1, 8);

  private static EmbeddedPostgres postgres;
  private static DataSource db;
  private static JdbcClient jdbc;
  private static PlanProbe probe;
  private static Prepared handOverPreparedWhileEmpty;
  private static Prepared personalDataPreparedWhileEmpty;
  private static List<String> analyzed;

  @BeforeAll
  static void queueOnANewDatabase() throws Exception {
    postgres = EmbeddedPostgres.builder().setServerConfig("autovacuum", "off").start();
    db = postgres.getPostgresDatabase();
    jdbc = JdbcClient.create(db);
    // As application.yml: CREATE INDEX CONCURRENTLY would wait for Flyway's own lock transaction.
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/migration")
        .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
        .load()
        .migrate();
    probe = new PlanProbe(db);
    probe.partitionsUpTo(EXPIRES.minusDays(7), 10);
    handOverPreparedWhileEmpty =
        probe.prepareGeneric(DeliveryRepository.HAND_OVER, handOver(List.of()));
    personalDataPreparedWhileEmpty =
        probe.prepareGeneric(
            PersonalDataReader.statement(List.of(EXPIRES)), new Param("ids", "uuid[]", "'{}'"));
    queue(ROWS);
    analyzed =
        new PlannerStatistics(jdbc, new TransactionTemplate(new DataSourceTransactionManager(db)))
            .refresh();
  }

  @AfterAll
  static void stop() throws Exception {
    handOverPreparedWhileEmpty.close();
    personalDataPreparedWhileEmpty.close();
    postgres.close();
  }

  @Test
  void analyzesTheQueueTheNotificationsAndThePersonalDataOnce() {
    assertThat(analyzed)
        .contains(
            "delivery_queue",
            "notifications_live",
            "notification_personal_data_20300108",
            "notifications",
            "notification_personal_data");
    awaitChanges(count -> count == 0);
    assertThat(
            new PlannerStatistics(
                    jdbc, new TransactionTemplate(new DataSourceTransactionManager(db)))
                .refresh())
        .isEmpty();
  }

  @Test
  void claimsHandsOverAndRemovesByIndexInCustomAndGenericPlans() {
    List<UUID> ids = batch();
    Param[] claim = {
      new Param("instance", "text", "'plan-probe'"),
      new Param("until", "timestamptz", "'2030-01-01T00:05:00Z'"),
      new Param("now", "timestamptz", "'2030-01-01T00:00:00Z'"),
      new Param("limit", "int", "100"),
      new Param("lowest", "int", "-2147483648")
    };
    assertNoSequentialScan(DeliveryRepository.CLAIM, claim);
    assertNoSequentialScan(DeliveryRepository.HAND_OVER, handOver(ids));
    assertNoSequentialScan(
        DeliveryRepository.REMOVE_FROM_QUEUE,
        new Param("ids", "uuid[]", array(ids)),
        new Param("claims", "int8[]", "array_fill(0::int8, ARRAY[" + ids.size() + "])"));
  }

  @Test
  void readsPersonalDataByIndexInCustomAndGenericPlans() {
    assertNoSequentialScan(
        PersonalDataReader.statement(List.of(EXPIRES)), new Param("ids", "uuid[]", array(batch())));
  }

  @Test
  void aGenericPlanMadeWhileTheTablesWereEmptyIsMadeAgain() {
    assertThat(handOverPreparedWhileEmpty.plan()).doesNotContain("Seq Scan on notifications_live");
    assertThat(personalDataPreparedWhileEmpty.plan())
        .doesNotContain("Seq Scan on notification_personal_data");
  }

  private static void assertNoSequentialScan(String sql, Param... params) {
    for (PlanProbe.Figures f : List.of(probe.custom(sql, params), probe.generic(sql, params))) {
      assertThat(f.plan())
          .doesNotContain("Seq Scan on notifications_live")
          .doesNotContain("Seq Scan on delivery_queue")
          .doesNotContain("Seq Scan on notification_personal_data");
    }
  }

  /** The hand-over of these notifications to a provider, as {@code markHandedOver} binds it. */
  private static Param[] handOver(List<UUID> ids) {
    String n = "ARRAY[" + ids.size() + "]";
    return new Param[] {
      new Param("guard", "text[]", textArray(Change.HAND_OVER.guard())),
      new Param("receipt", "text[]", textArray(Change.RECEIPT.guard())),
      new Param("ids", "uuid[]", array(ids)),
      new Param("statuses", "text[]", "array_fill('sending'::text, " + n + ")"),
      new Param("outcomes", "text[]", "array_fill(NULL::text, " + n + ")"),
      new Param("providers", "text[]", "array_fill('probe'::text, " + n + ")"),
      new Param("references", "text[]", "array_fill('ref'::text, " + n + ")"),
      new Param("units", "int4[]", "array_fill(1, " + n + ")"),
      new Param("now", "timestamptz", "'2030-01-01T00:00:00Z'")
    };
  }

  /** A worker's batch: 100 queued notifications. */
  private static List<UUID> batch() {
    return jdbc.sql("SELECT notification_id FROM delivery_queue ORDER BY run_at LIMIT 100")
        .query(UUID.class)
        .list();
  }

  private static String array(List<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "'{", "}'"));
  }

  private static String textArray(String[] values) {
    return Arrays.stream(values)
        .map(v -> '"' + v + '"')
        .collect(Collectors.joining(",", "'{", "}'"));
  }

  /**
   * A service, its email template and {@code rows} notifications queued with their personal data,
   * as the API's insert writes them.
   */
  private static void queue(int rows) {
    UUID service = UUID.randomUUID();
    UUID template = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO services (id, name, email_sender_local_part, created_at)
            VALUES (:service, 'Fresh', 'fresh', now())
            """)
        .param("service", service)
        .update();
    jdbc.sql(
            """
            INSERT INTO templates_history (id, version, service_id, name, template_type, subject,
                                           content, archived, hidden, created_at)
            VALUES (:template, 1, :service, 'Email', 'email', 'Hi', 'Hello', false, false, now())
            """)
        .param("template", template)
        .param("service", service)
        .update();
    jdbc.sql(
            """
            WITH made AS (
              SELECT gen_random_uuid() AS id,
                     CAST('2030-01-01T00:00:00Z' AS timestamptz) + i * interval '1 ms' AS created_at
                FROM generate_series(1, :rows) AS i
            ), notification AS (
              INSERT INTO notifications (id, service_id, template_id, template_version, key_type,
                                         notification_type, status, expires_on, created_at)
              SELECT id, :service, :template, 1, 'normal', 'email', 'created', :expires, created_at
                FROM made
            ), personal AS (
              INSERT INTO notification_personal_data (notification_id, expires_on, service_id,
                                                      recipient, normalised_recipient)
              SELECT id, :expires, :service, 'someone@example.com', 'someone@example.com'
                FROM made
            )
            INSERT INTO delivery_queue (notification_id, key_type, priority, run_at)
            SELECT id, 'normal', 100, created_at FROM made
            """)
        .param("rows", rows)
        .param("service", service)
        .param("template", template)
        .param("expires", EXPIRES)
        .update();
    assertThat(Stream.of("delivery_queue", "notifications", "notification_personal_data"))
        .allSatisfy(
            table ->
                assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single())
                    .isEqualTo(rows));
    // The statistics collector counts the changes a moment after the commit.
    awaitChanges(count -> count >= rows);
  }

  /**
   * Waits until the changes since the last ANALYZE of the queue and the two partitions, as the
   * statistics collector counts them a moment after each commit, satisfy {@code condition}.
   */
  private static void awaitChanges(LongPredicate condition) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc
                    .sql(
                        """
                        SELECT pg_stat_get_mod_since_analyze(oid) FROM pg_class
                         WHERE relname IN ('delivery_queue', 'notifications_live',
                                           'notification_personal_data_20300108')
                        """)
                    .query(Long.class)
                    .list()
                    .stream()
                    .allMatch(condition::test));
  }
}
