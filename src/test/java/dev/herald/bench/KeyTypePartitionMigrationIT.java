package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V0025 moves the rows of an installation that has notifications into the partitioned table: every
 * row arrives unchanged, each in its key type's partition. Generated rows (as the benchmarks make
 * them) on the schema before V0025, then the migration. {@code -Dherald.migration-test.rows=N} runs
 * it with more rows and prints how long the migration took.
 */
class KeyTypePartitionMigrationIT {

  private static final long ROWS = Long.getLong("herald.migration-test.rows", 20_000);

  @Test
  void movesEveryRowUnchangedIntoItsKeyTypesPartition() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      DataSource db = postgres.getPostgresDatabase();
      JdbcClient jdbc = JdbcClient.create(db);
      BenchDatabase.flyway(db).target("0024.2").load().migrate();
      DataGenerator.generate(db, ROWS, 1, 1, LocalDate.now().minusDays(1));
      Map<String, String> before = rowsByKeyType(jdbc);

      long began = System.nanoTime();
      BenchDatabase.flyway(db).target("0025").load().migrate();
      System.out.printf(
          "V0025 on %,d notifications: %.1f s%n", ROWS, (System.nanoTime() - began) / 1e9);

      assertThat(before).containsOnlyKeys("normal", "team", "test");
      assertThat(rowsByKeyType(jdbc)).isEqualTo(before);
      assertThat(count(jdbc, "notifications_test")).isEqualTo(count(jdbc, "notifications", "test"));
      assertThat(count(jdbc, "notifications_live"))
          .isEqualTo(count(jdbc, "notifications", "normal") + count(jdbc, "notifications", "team"));
      assertThat(
              jdbc.sql(
                      """
                      SELECT pg_get_constraintdef(oid) FROM pg_constraint
                       WHERE conrelid = 'notifications'::regclass AND contype = 'p'
                      """)
                  .query(String.class)
                  .single())
          .isEqualTo("PRIMARY KEY (id, key_type)");
    }
  }

  /** Per key type: the count and a digest of every row's text, in id order. */
  private static Map<String, String> rowsByKeyType(JdbcClient jdbc) {
    return jdbc
        .sql(
            """
            SELECT key_type, count(*) || ' ' || md5(string_agg(CAST(n AS text), ',' ORDER BY id))
              FROM notifications n GROUP BY key_type
            """)
        .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static long count(JdbcClient jdbc, String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  private static long count(JdbcClient jdbc, String table, String keyType) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE key_type = :keyType")
        .param("keyType", keyType)
        .query(Long.class)
        .single();
  }
}
