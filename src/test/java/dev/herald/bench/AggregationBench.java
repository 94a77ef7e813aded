package dev.herald.bench;

import static org.awaitility.Awaitility.await;

import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;

/**
 * The fact tables for one London day, three ways on the same rows: Herald's nightly tasks as they
 * run (the real fan-out beans queue one db-scheduler task per day, type and service, and the
 * scheduler runs the real rebuilds), and the same rebuild bodies one after another; one GROUP BY
 * per fact table over the whole day; and Notify's way on a Notify-shaped copy ({@link
 * NotifyFacts}). Each side's totals are checked against the day's notifications.
 */
final class AggregationBench {

  private final ConfigurableApplicationContext context;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final LocalDate day;
  private final Instant start;
  private final Instant end;

  AggregationBench(
      ConfigurableApplicationContext context,
      JdbcClient jdbc,
      TransactionTemplate tx,
      LocalDate day) {
    this.context = context;
    this.jdbc = jdbc;
    this.tx = tx;
    this.day = day;
    this.start = day.atStartOfDay(Timestamps.LONDON).toInstant();
    this.end = day.plusDays(1).atStartOfDay(Timestamps.LONDON).toInstant();
  }

  void run(CpuCalibration calibration) throws Exception {
    long rows =
        count(
            "SELECT count(*) FROM notifications WHERE created_at >= :start AND created_at < :end");
    long services =
        count(
            "SELECT count(DISTINCT service_id) FROM notifications WHERE created_at >= :start AND created_at < :end");
    System.out.printf(
        "%n== Aggregation of one London day, %s: %,d notifications of %d services ==%n%s%n",
        day, rows, services, Load.now());
    double nightly = nightly();
    double bodies = bodies();
    double groupBy = oneGroupBy();
    double notify = notifysWay();
    System.out.println(calibration.line());
    System.out.println(calibration.time("Herald, nightly tasks", nightly, "one GROUP BY", groupBy));
    System.out.println(
        calibration.time("Herald, rebuilds on one thread", bodies, "one GROUP BY", groupBy));
    System.out.println(calibration.time("Herald, nightly tasks", nightly, "Notify's way", notify));
    System.out.println(Load.now());
  }

  /** The nightly fan-outs from the context, then until the scheduler has run every rebuild. */
  private double nightly() throws Exception {
    Object fanOut = context.getBean("factFanOut");
    long began = System.nanoTime();
    int queued = (int) call(fanOut, "nightlyStatus") + (int) call(fanOut, "nightlyBilling");
    await()
        .atMost(Duration.ofHours(1))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                count(
                        "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'create-facts-for-service-and-day'")
                    == 0);
    double seconds = RetentionBenchmark.seconds(began);
    System.out.printf(
        "Herald, nightly tasks (fan-outs, then %d one-off tasks on db-scheduler): %.2f s%n  %s%n",
        queued, seconds, check("ft_notification_status", "ft_billing"));
    return seconds;
  }

  /** The rebuild bodies, one (type, service) after another on this thread. */
  private double bodies() throws Exception {
    Object status = context.getBean("notificationStatusFacts");
    Object billing = context.getBean("billingFacts");
    long began = System.nanoTime();
    List<Object[]> combinations =
        jdbc.sql(
                """
                SELECT DISTINCT notification_type, service_id FROM notifications
                 WHERE created_at >= :start AND created_at < :end
                """)
            .param("start", Sql.ts(start))
            .param("end", Sql.ts(end))
            .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class)})
            .list();
    for (Object[] c : combinations) {
      call(status, "rebuild", day, c[0], c[1]);
      call(billing, "rebuild", day, c[0], c[1]);
    }
    double seconds = RetentionBenchmark.seconds(began);
    System.out.printf(
        "Herald, the same rebuilds one after another on one thread (%d × 2): %.2f s%n  %s%n",
        combinations.size(), seconds, check("ft_notification_status", "ft_billing"));
    return seconds;
  }

  /** Baseline: each fact table as one INSERT … SELECT … GROUP BY over the whole day. */
  private double oneGroupBy() {
    jdbc.sql(
            """
            CREATE TABLE bench_ft_notification_status (LIKE ft_notification_status INCLUDING ALL);
            CREATE TABLE bench_ft_billing (LIKE ft_billing INCLUDING ALL)
            """)
        .update();
    long began = System.nanoTime();
    window(
            """
            INSERT INTO bench_ft_notification_status (bst_date, template_id, service_id, job_id,
                                                      notification_type, key_type,
                                                      notification_status, notification_count,
                                                      created_at)
            SELECT :day, template_id, service_id,
                   coalesce(job_id, '00000000-0000-0000-0000-000000000000'), notification_type,
                   key_type, status, count(*), now()
              FROM notifications
             WHERE created_at >= :start AND created_at < :end
               AND key_type IN ('normal', 'team')
             GROUP BY 2, 3, 4, 5, 6, 7
            """)
        .update();
    double statusSeconds = RetentionBenchmark.seconds(began);
    long billingBegan = System.nanoTime();
    window(
            """
            INSERT INTO bench_ft_billing (bst_date, template_id, service_id, notification_type,
                                          provider, rate_multiplier, international, rate, postage,
                                          billable_units, notifications_sent, created_at)
            SELECT :day, template_id, service_id, notification_type,
                   coalesce(sent_by, 'unknown'),
                   CASE WHEN notification_type = 'email' THEN 0
                        ELSE CAST(coalesce(rate_multiplier, 1) AS integer) END,
                   notification_type <> 'email' AND international, 0,
                   CASE WHEN notification_type = 'letter' THEN coalesce(postage, 'none')
                        ELSE 'none' END,
                   CASE WHEN notification_type = 'email' THEN 0 ELSE sum(billable_units) END,
                   count(*), now()
              FROM notifications
             WHERE created_at >= :start AND created_at < :end
               AND key_type IN ('normal', 'team')
               AND status = ANY (CASE notification_type WHEN 'sms' THEN CAST(:sms AS text[])
                                   WHEN 'email' THEN CAST(:email AS text[])
                                   ELSE CAST(:letter AS text[]) END)
             GROUP BY 2, 3, 4, 5, 6, 7, 8, 9
            """)
        .update();
    double seconds = RetentionBenchmark.seconds(began);
    System.out.printf(
        "Baseline, one GROUP BY per fact table over the whole day: %.2f s (status %.2f s, billing"
            + " %.2f s)%n  %s%n",
        seconds,
        statusSeconds,
        RetentionBenchmark.seconds(billingBegan),
        check("bench_ft_notification_status", "bench_ft_billing"));
    return seconds;
  }

  /** Baseline: Notify's tasks on a Notify-shaped copy of the day's rows. */
  private double notifysWay() {
    long copy = System.nanoTime();
    NotifyFactsShape.build(jdbc, start, end);
    jdbc.sql("CHECKPOINT").update();
    System.out.printf(
        "Notify-shaped copy of the day (table, indexes, VACUUM ANALYZE; not counted): %.1f s%n",
        RetentionBenchmark.seconds(copy));
    NotifyFacts notify = new NotifyFacts(jdbc, tx);
    long began = System.nanoTime();
    NotifyFacts.Outcome status = notify.status(day);
    double statusSeconds = RetentionBenchmark.seconds(began);
    long billingBegan = System.nanoTime();
    NotifyFacts.Outcome billing = notify.billing(day);
    double seconds = RetentionBenchmark.seconds(began);
    System.out.printf(
        "Notify's way: %.2f s (status: %d tasks, %,d queries of 15-minute chunks, %.2f s;"
            + " billing: %,d queries of 5-minute chunks, %.2f s)%n  %s%n",
        seconds,
        status.combinations(),
        status.queries(),
        statusSeconds,
        billing.queries(),
        RetentionBenchmark.seconds(billingBegan),
        check("notify.ft_notification_status", "notify.ft_billing"));
    return seconds;
  }

  /** The fact tables' totals against the day's notifications. */
  private String check(String statusTable, String billingTable) {
    long counted =
        count(
            "SELECT coalesce(sum(notification_count), 0) FROM "
                + statusTable
                + " WHERE bst_date = :day");
    long billed =
        count(
            "SELECT coalesce(sum(notifications_sent), 0) FROM "
                + billingTable
                + " WHERE bst_date = :day");
    long expectedCounted =
        count(
            """
            SELECT count(*) FROM notifications
             WHERE created_at >= :start AND created_at < :end AND key_type IN ('normal', 'team')
            """);
    long expectedBilled =
        count(
            """
            SELECT count(*) FROM notifications
             WHERE created_at >= :start AND created_at < :end AND key_type IN ('normal', 'team')
               AND status = ANY (CASE notification_type WHEN 'sms' THEN CAST(:sms AS text[])
                                   WHEN 'email' THEN CAST(:email AS text[])
                                   ELSE CAST(:letter AS text[]) END)
            """);
    boolean ok = counted == expectedCounted && billed == expectedBilled;
    return String.format(
        "counted %,d of %,d notifications (normal and team keys), billed %,d of %,d — %s",
        counted, expectedCounted, billed, expectedBilled, ok ? "OK" : "MISMATCH");
  }

  private long count(String sql) {
    return window(sql).query(Long.class).single();
  }

  /** Binds whichever of the day, its window and the billable statuses the statement names. */
  private JdbcClient.StatementSpec window(String sql) {
    JdbcClient.StatementSpec statement = jdbc.sql(sql);
    if (sql.contains(":day")) {
      statement = statement.param("day", day);
    }
    if (sql.contains(":start")) {
      statement = statement.param("start", Sql.ts(start)).param("end", Sql.ts(end));
    }
    if (sql.contains(":sms")) {
      for (String type : List.of("sms", "email", "letter")) {
        statement = statement.param(type, NotifyFacts.BILLABLE.get(type).toArray(String[]::new));
      }
    }
    return statement;
  }

  /** A public method of a package-private bean, as its task calls it. */
  private static Object call(Object bean, String name, Object... args) throws Exception {
    Method method =
        ReflectionUtils.findMethod(
            bean.getClass(),
            name,
            args.length == 0
                ? new Class<?>[0]
                : new Class<?>[] {LocalDate.class, String.class, UUID.class});
    method.setAccessible(true);
    return method.invoke(bean, args);
  }
}
