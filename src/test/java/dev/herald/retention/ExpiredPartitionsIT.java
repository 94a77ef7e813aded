package dev.herald.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.notification.PartitionMaintainer;
import dev.herald.testdata.ApiIT;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dropping past partitions while an insert is in flight: the drop waits a short time, gives way,
 * and tries again. Dates are in February 2026, before the other tests' and the real date.
 */
class ExpiredPartitionsIT extends ApiIT {

  private static final LocalDate TODAY = LocalDate.parse("2026-02-12");

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired DataSource dataSource;
  @Autowired PartitionMaintainer partitions;

  @BeforeEach
  void partitionsFromTheNinth() {
    clock.set(Instant.parse("2026-02-10T12:00:00Z"));
    partitions.createAhead();
  }

  @Test
  void triesAgainAfterALockTimeoutAndDropsOnceTheInsertInFlightEnds() throws Exception {
    ExpiredPartitions expired =
        new ExpiredPartitions(jdbc, tx, Duration.ofMillis(100), Duration.ofMillis(200), 100);
    CompletableFuture<ExpiredPartitions.Dropped> drop;
    try (Connection inFlight = insertInFlight()) {
      drop = CompletableFuture.supplyAsync(() -> expired.dropBefore(TODAY));
      Set<String> attemptsSeenWaiting = ConcurrentHashMap.newKeySet();
      await()
          .pollInterval(Duration.ofMillis(10))
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                attemptsSeenWaiting.addAll(dropsWaitingForALock());
                return attemptsSeenWaiting.size() >= 2;
              });
      assertThat(exists("notification_personal_data_20260209")).isTrue();
      inFlight.rollback();
    }
    ExpiredPartitions.Dropped dropped = drop.get(20, TimeUnit.SECONDS);
    assertThat(dropped.attempts()).isGreaterThanOrEqualTo(2);
    assertThat(exists("notification_personal_data_20260209")).isFalse();
    assertThat(exists("notification_personal_data_20260211")).isFalse();
    assertThat(exists("notification_personal_data_20260212")).isTrue();
  }

  @Test
  void givesUpAfterTheLastAttemptAndLeavesThePartitions() throws Exception {
    ExpiredPartitions expired =
        new ExpiredPartitions(jdbc, tx, Duration.ofMillis(50), Duration.ofMillis(10), 3);
    try (Connection inFlight = insertInFlight()) {
      assertThatThrownBy(() -> expired.dropBefore(TODAY))
          .hasMessageContaining("canceling statement due to lock timeout");
      assertThat(exists("notification_personal_data_20260209")).isTrue();
      inFlight.rollback();
    }
  }

  /** A transaction that has inserted personal data (into a kept partition) and not ended. */
  private Connection insertInFlight() throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    try (Statement insert = connection.createStatement()) {
      insert.executeUpdate(
          """
          INSERT INTO notification_personal_data
                 (notification_id, expires_on, service_id, recipient, normalised_recipient)
          VALUES (gen_random_uuid(), DATE '2026-03-01', gen_random_uuid(), '07700900123',
                  '447700900123')
          """);
    }
    return connection;
  }

  /** The transaction start of each drop now waiting for a lock: one per attempt. */
  private Set<String> dropsWaitingForALock() {
    return Set.copyOf(
        jdbc.sql(
                """
                SELECT CAST(xact_start AS text) FROM pg_stat_activity
                 WHERE wait_event_type = 'Lock'
                   AND query LIKE 'DROP TABLE IF EXISTS notification_personal_data_%'
                """)
            .query(String.class)
            .list());
  }

  private boolean exists(String table) {
    return jdbc.sql("SELECT to_regclass(:table) IS NOT NULL")
        .param("table", table)
        .query(Boolean.class)
        .single();
  }
}
