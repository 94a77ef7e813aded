package dev.herald.testdata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What one execution of a statement costs PostgreSQL: planning and execution time from {@code
 * EXPLAIN (ANALYZE, SUMMARY, BUFFERS)}, the relations it locks (pg_locks of the backend, inside the
 * transaction) and the personal-data partitions its plan holds. The statement is prepared with its
 * {@code :named} parameters as {@code $n}, as pgjdbc's server-side statements are, and run warm in
 * the plan cache mode asked for; the transaction is rolled back.
 */
public final class PlanProbe {

  private static final Pattern PARTITION = Pattern.compile("notification_personal_data_\\d{8}");
  private static final Pattern TIME = Pattern.compile("(Planning|Execution) Time: ([0-9.]+) ms");

  /**
   * The most relations a statement of the plan tests may lock: notifications' 2 key-type partitions
   * with their indexes, the 14 partitioned indexes above them (PostgreSQL 16 and 17 lock those too
   * in a custom plan: 46 for the claim with 12 of them, where 14 locked 34) and a handful of day
   * partitions. A statement that planned all 192 personal-data partitions locks 390 or more.
   */
  public static final int MAX_LOCKS = 58;

  private final DataSource dataSource;

  public PlanProbe(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The figures of one warm execution, and its plan. */
  public record Figures(
      double planningMs, double executionMs, int locks, List<String> partitions, String plan) {

    @Override
    public String toString() {
      return "planning %.3f ms, execution %.3f ms, %d relations locked, %d personal-data partitions in the plan"
          .formatted(planningMs, executionMs, locks, partitions.size());
    }
  }

  /** A parameter: its SQL type and its value as a SQL literal. */
  public record Param(String name, String type, String literal) {}

  /**
   * The custom and the generic plan's figures, printed with the number of partitions present (the
   * figures of docs/performance.md, "Partition pruning").
   */
  public List<Figures> both(String label, String sql, Param... params) {
    List<Figures> both = List.of(custom(sql, params), generic(sql, params));
    int partitions = partitions();
    System.out.printf(
        "%s, %d partitions: custom plan %s; generic plan %s%n",
        label, partitions, both.get(0), both.get(1));
    return both;
  }

  public Figures custom(String sql, Param... params) {
    return measure(sql, "force_custom_plan", params);
  }

  public Figures generic(String sql, Param... params) {
    return measure(sql, "force_generic_plan", params);
  }

  /** PREPARE and EXECUTE of the statement as {@code probe}, its parameters as {@code $n}. */
  private record Probe(String prepare, String execute) {

    static Probe of(String sql, Param... params) {
      String prepared = sql;
      StringBuilder types = new StringBuilder();
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < params.length; i++) {
        prepared = prepared.replaceAll("(?<!:):" + params[i].name() + "\\b", "\\$" + (i + 1));
        types.append(i == 0 ? "" : ", ").append(params[i].type());
        values.append(i == 0 ? "" : ", ").append(params[i].literal());
      }
      return params.length == 0
          ? new Probe("PREPARE probe AS " + prepared, "EXECUTE probe")
          : new Probe(
              "PREPARE probe (" + types + ") AS " + prepared, "EXECUTE probe (" + values + ")");
    }
  }

  /**
   * The statement prepared now, on a connection of its own, with a generic plan made at once and
   * kept, as a pgjdbc server-side statement keeps it; close it to release the connection.
   */
  public Prepared prepareGeneric(String sql, Param... params) {
    Probe probe = Probe.of(sql, params);
    try {
      Connection c = dataSource.getConnection();
      Prepared prepared = new Prepared(c, probe);
      try (Statement s = c.createStatement()) {
        s.execute("SET plan_cache_mode = force_generic_plan");
        s.execute(probe.prepare());
      }
      prepared.plan();
      return prepared;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A statement prepared on a connection kept open. */
  public static final class Prepared implements AutoCloseable {

    private final Connection connection;
    private final Probe probe;

    private Prepared(Connection connection, Probe probe) {
      this.connection = connection;
      this.probe = probe;
    }

    /** The plan of its next execution: the one cached, unless PostgreSQL invalidated it. */
    public String plan() {
      try (Statement s = connection.createStatement()) {
        return String.join("\n", lines(s, "EXPLAIN " + probe.execute()));
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  private Figures measure(String sql, String mode, Param... params) {
    Probe probe = Probe.of(sql, params);
    String execute = probe.execute();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(probe.prepare());
      try {
        c.setAutoCommit(false);
        for (int warm = 0; warm < 3; warm++) {
          s.execute("SET LOCAL plan_cache_mode = " + mode);
          s.execute(execute);
          c.rollback();
        }
        s.execute("SET LOCAL plan_cache_mode = " + mode);
        List<String> plan = lines(s, "EXPLAIN (ANALYZE, SUMMARY, BUFFERS) " + execute);
        int locks = locks(s);
        c.rollback();
        return figures(plan, locks);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
        s.execute("DEALLOCATE probe");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int locks(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            """
            SELECT count(*) FROM pg_locks
             WHERE pid = pg_backend_pid() AND locktype = 'relation'
               AND relation <> 'pg_locks'::regclass
            """)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static Figures figures(List<String> plan, int locks) {
    Map<String, Double> times = new LinkedHashMap<>();
    List<String> partitions = new ArrayList<>();
    for (String line : plan) {
      Matcher time = TIME.matcher(line);
      if (time.find()) {
        times.put(time.group(1), Double.parseDouble(time.group(2)));
      }
      Matcher partition = PARTITION.matcher(line);
      if (partition.find() && !partitions.contains(partition.group())) {
        partitions.add(partition.group());
      }
    }
    return new Figures(
        times.getOrDefault("Planning", 0.0),
        times.getOrDefault("Execution", 0.0),
        locks,
        partitions,
        String.join("\n", plan));
  }

  private static List<String> lines(Statement s, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return lines;
  }

  /** The name of the personal-data partition of {@code day}. */
  public static String partition(LocalDate day) {
    return "notification_personal_data_" + DateTimeFormatter.BASIC_ISO_DATE.format(day);
  }

  /**
   * Creates the personal-data partitions up to {@code days} days after {@code today} that are not
   * there yet, as a service with a long retention makes them; answers how many partitions there
   * are.
   */
  public int partitionsUpTo(LocalDate today, int days) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (int i = 0; i <= days; i++) {
        LocalDate day = today.plusDays(i);
        s.execute(
            "CREATE TABLE IF NOT EXISTS %s PARTITION OF notification_personal_data FOR VALUES FROM ('%s') TO ('%s')"
                .formatted(partition(day), day, day.plusDays(1)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return partitions();
  }

  /** How many personal-data partitions there are. */
  public int partitions() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_inherits WHERE inhparent = 'notification_personal_data'::regclass")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
