package dev.herald.bench;

import dev.herald.support.Timestamps;
import dev.herald.testdata.PlanProbe;
import dev.herald.testdata.PlanProbe.Figures;
import dev.herald.testdata.PlanProbe.Param;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements of the plan tests (ClaimPlanIT, PersonalDataPlanIT, CallbackPlanIT) and the shapes
 * docs/benchmarks.md names as planning every partition, on the schema of the real migrations with
 * the personal-data partitions of 190 days ahead: per statement and plan cache mode, the median
 * planning and execution time of {@code --runs} warm executions, the relations locked and the
 * personal-data partitions planned ({@link PlanProbe}). The PostgreSQL major is the embedded
 * binaries' on the classpath ({@code -Dembedded-postgres-binaries.version=…} when building it).
 */
public final class PartitionPlanBenchmark {

  private PartitionPlanBenchmark() {}

  /** Before 7417062 the reads probed the personal data by each row's expiry day, as a LATERAL. */
  static final String FORMER_CLAIM =
      """
      WITH claimed AS (
        UPDATE delivery_queue q
           SET leased_by = :instance, leased_until = :until, claims = q.claims + 1
         WHERE q.notification_id = ANY(ARRAY(
                 SELECT notification_id FROM delivery_queue
                  WHERE run_at <= :now AND (leased_until IS NULL OR leased_until < :now)
                  ORDER BY priority DESC, run_at
                  LIMIT :limit
                    FOR UPDATE SKIP LOCKED))
        RETURNING q.notification_id, q.key_type, q.claims, q.attempts
      )
      SELECT c.notification_id, c.claims, c.attempts, n.service_id, n.template_id,
             n.template_version, n.key_type, n.notification_type, n.status, n.international,
             p.found, p.recipient, p.normalised_recipient, p.personalisation,
             p.reply_to_text, p.unsubscribe_link
        FROM claimed c
        LEFT JOIN LATERAL (SELECT id, service_id, template_id, template_version, key_type,
                                  notification_type, status, international, expires_on
                             FROM notifications
                            WHERE id = c.notification_id AND key_type = c.key_type
                            LIMIT 1) n ON true
        LEFT JOIN LATERAL (SELECT true AS found, recipient, normalised_recipient,
                                  personalisation::text AS personalisation, reply_to_text,
                                  unsubscribe_link
                             FROM notification_personal_data
                            WHERE notification_id = n.id AND expires_on = n.expires_on
                            LIMIT 1) p ON true
      """;

  /** The read by id before 7417062. */
  static final String FORMER_FIND =
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

  record Statement(String label, String sql, Param... params) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchOptions.parse(args, "--runs=7 --days=190");
    int runs = Integer.parseInt(options.getOrDefault("runs", "7"));
    int days = Integer.parseInt(options.getOrDefault("days", "190"));
    Path dataDir = Files.createTempDirectory("herald-bench");
    try (EmbeddedPostgres postgres = BenchDatabase.durablePostgres(dataDir)) {
      DataSource db = postgres.getPostgresDatabase();
      JdbcClient jdbc = JdbcClient.create(db);
      BenchDatabase.flyway(db).load().migrate();
      PlanProbe probe = new PlanProbe(db);
      LocalDate today = Timestamps.londonDate(Clock.systemUTC().instant());
      int partitions = probe.partitionsUpTo(today, days);
      System.out.printf(
          "PostgreSQL %s, %d personal-data partitions, median of %d warm executions%n",
          jdbc.sql("SHOW server_version").query(String.class).single(), partitions, runs);
      System.out.println(
          "| statement | plan | planning ms | execution ms | relations locked | partitions planned |");
      System.out.println("|---|---|---|---|---|---|");
      for (Statement s : statements(today)) {
        row(s, "custom", runs, () -> probe.custom(s.sql(), s.params()));
        row(s, "generic", runs, () -> probe.generic(s.sql(), s.params()));
      }
    }
  }

  private static List<Statement> statements(LocalDate today) throws Exception {
    Param id = new Param("id", "uuid", "'" + UUID.randomUUID() + "'");
    Param service = new Param("serviceId", "uuid", "'" + UUID.randomUUID() + "'");
    Param[] claim = {
      new Param("instance", "text", "'plan-probe'"),
      new Param("until", "timestamptz", "'2000-01-01T00:05:00Z'"),
      new Param("now", "timestamptz", "'2000-01-01T00:00:00Z'"),
      new Param("limit", "int", "50")
    };
    Param keyTypes = new Param("keyTypes", "text", "'{normal,team}'");
    Param statuses = new Param("statuses", "text", "'{created,sending,delivered}'");
    Param types = new Param("types", "text", "'{email,sms}'");
    Param before = new Param("before", "timestamptz", "now()");
    Param beforeId = new Param("beforeId", "uuid", "'ffffffff-ffff-ffff-ffff-ffffffffffff'");
    Param limit = new Param("limit", "int", "50");
    return List.of(
        new Statement("claim, personal data probed by n.expires_on (former)", FORMER_CLAIM, claim),
        new Statement(
            "read by id, personal data probed by n.expires_on (former)", FORMER_FIND, id, service),
        new Statement(
            "search by recipient, 1 day constant (SearchRepository.BY_RECIPIENT)",
            constant("dev.herald.search.SearchRepository", "BY_RECIPIENT")
                .formatted("{" + today + "}"),
            service,
            keyTypes,
            statuses,
            types,
            before,
            beforeId,
            new Param("recipient", "text", "'someone@example.com'"),
            limit),
        new Statement(
            "search, personal data of the newest, 1 day constant (PieceSearch.RECIPIENTS_OF_DAY)",
            constant("dev.herald.search.PieceSearch", "RECIPIENTS_OF_DAY").formatted(today, 0),
            new Param("ids0", "uuid[]", "ARRAY['" + UUID.randomUUID() + "'::uuid]"),
            new Param("referenceIds", "uuid[]", "ARRAY['" + UUID.randomUUID() + "'::uuid]"),
            new Param("recipientPattern", "text", "'%example%'")),
        new Statement(
            "claim, notifications only (DeliveryRepository.CLAIM)",
            constant("dev.herald.delivery.DeliveryRepository", "CLAIM"),
            claim),
        new Statement(
            "read by id, notifications only (NotificationRepository.FIND)",
            constant("dev.herald.notification.NotificationRepository", "FIND"),
            id,
            service),
        new Statement(
            "personal data by id, 2 days constant (PersonalDataReader)",
            personalDataStatement(List.of(today, today.plusDays(1))),
            new Param("ids", "uuid[]", "ARRAY['" + UUID.randomUUID() + "'::uuid]")),
        new Statement(
            "callback body, delivery status (CallbackPayloads.DELIVERY_STATUS)",
            constant("dev.herald.callback.CallbackPayloads", "DELIVERY_STATUS"),
            id));
  }

  private interface Measurement {
    Figures run();
  }

  private static void row(Statement s, String plan, int runs, Measurement measurement) {
    Figures[] figures = new Figures[runs];
    for (int i = 0; i < runs; i++) {
      figures[i] = measurement.run();
    }
    System.out.printf(
        "| %s | %s | %.2f | %.2f | %d | %d |%n",
        s.label(),
        plan,
        median(figures, Figures::planningMs),
        median(figures, Figures::executionMs),
        figures[runs - 1].locks(),
        figures[runs - 1].partitions().size());
  }

  private static double median(Figures[] figures, ToDoubleFunction<Figures> value) {
    double[] values = Arrays.stream(figures).mapToDouble(value).sorted().toArray();
    return values[values.length / 2];
  }

  /** The statements are package-private constants of their repositories: read them as they are. */
  private static String constant(String type, String name) throws Exception {
    Field field = Class.forName(type).getDeclaredField(name);
    field.setAccessible(true);
    return (String) field.get(null);
  }

  private static String personalDataStatement(Collection<LocalDate> days) throws Exception {
    Method statement =
        Class.forName("dev.herald.notification.PersonalDataReader")
            .getDeclaredMethod("statement", Collection.class);
    statement.setAccessible(true);
    return (String) statement.invoke(null, days);
  }
}
