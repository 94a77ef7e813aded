package dev.herald.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.files.ObjectStore;
import dev.herald.files.ObjectStoreException;
import dev.herald.notification.PartitionMaintainer;
import dev.herald.testdata.ApiIT;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
  @Autowired ObjectStore files;

  @BeforeEach
  void partitionsFromTheNinth() {
    clock.set(Instant.parse("2026-02-10T12:00:00Z"));
    partitions.createAhead();
  }

  @Test
  void triesAgainAfterALockTimeoutAndDropsOnceTheInsertInFlightEnds() throws Exception {
    ExpiredPartitions expired =
        new ExpiredPartitions(jdbc, files, tx, Duration.ofMillis(100), Duration.ofMillis(200), 100);
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
        new ExpiredPartitions(jdbc, files, tx, Duration.ofMillis(50), Duration.ofMillis(10), 3);
    try (Connection inFlight = insertInFlight()) {
      assertThatThrownBy(() -> expired.dropBefore(TODAY))
          .hasMessageContaining("canceling statement due to lock timeout");
      assertThat(exists("notification_personal_data_20260209")).isTrue();
      inFlight.rollback();
    }
  }

  @Test
  void aDaysLetterFilesGoWithItsPartitionAndADayWhoseFilesStayKeepsIt() {
    String dropped = "letters/2026-02-09/" + UUID.randomUUID() + "/rendered.pdf";
    String stuck = "letters/2026-02-10/" + UUID.randomUUID() + "/rendered.pdf";
    String kept = "letters/2026-02-12/" + UUID.randomUUID() + "/rendered.pdf";
    for (String key : List.of(dropped, stuck, kept)) {
      files.put(key, new byte[] {1});
    }
    // The store fails to delete the 10th's files (as S3 out of reach would).
    ObjectStore failingOnTheTenth =
        new ForwardingStore(files) {
          @Override
          public int deleteFolder(String folder) {
            if (folder.equals("letters/2026-02-10")) {
              throw new ObjectStoreException("store out of reach", null);
            }
            return super.deleteFolder(folder);
          }
        };

    new ExpiredPartitions(jdbc, failingOnTheTenth, tx, Duration.ofSeconds(1), Duration.ZERO, 1)
        .dropBefore(TODAY);
    assertThat(files.get(dropped)).isEmpty();
    assertThat(exists("notification_personal_data_20260209")).isFalse();
    assertThat(files.get(stuck)).isPresent();
    assertThat(exists("notification_personal_data_20260210")).isTrue();
    assertThat(exists("notification_personal_data_20260211")).isFalse();
    assertThat(files.get(kept)).isPresent();

    // The next run, the store back, deletes them and drops the partition.
    new ExpiredPartitions(jdbc, files, tx, Duration.ofSeconds(1), Duration.ZERO, 1)
        .dropBefore(TODAY);
    assertThat(files.get(stuck)).isEmpty();
    assertThat(exists("notification_personal_data_20260210")).isFalse();
    assertThat(files.get(kept)).isPresent();
  }

  /** A store that does what another does. */
  private static class ForwardingStore implements ObjectStore {

    private final ObjectStore store;

    ForwardingStore(ObjectStore store) {
      this.store = store;
    }

    @Override
    public void put(String key, byte[] content) {
      store.put(key, content);
    }

    @Override
    public void put(String key, java.io.InputStream content, long length) {
      store.put(key, content, length);
    }

    @Override
    public java.util.Optional<byte[]> get(String key) {
      return store.get(key);
    }

    @Override
    public java.util.Optional<java.io.InputStream> open(String key) {
      return store.open(key);
    }

    @Override
    public void delete(String key) {
      store.delete(key);
    }

    @Override
    public int deleteFolder(String folder) {
      return store.deleteFolder(folder);
    }

    @Override
    public List<String> list(String prefix) {
      return store.list(prefix);
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
