package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.support.Timestamps;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.PlanProbe;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hourly creation of personal-data partitions does not queue the sends behind a long wait for
 * its lock: {@code CREATE TABLE … PARTITION OF} needs {@code ACCESS EXCLUSIVE} on the parent, and
 * while it waits every insert into the parent waits behind it.
 */
class PartitionMaintainerIT extends ApiIT {

  @Autowired PartitionMaintainer partitions;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void theHourlyRunGivesUpOnABusyTableAndCreatesThePartitionTheNextTime() throws Exception {
    LocalDate furthest =
        Timestamps.londonDate(clock.instant()).plusDays(PartitionMaintainer.DAYS_AHEAD);
    String name = PlanProbe.partition(furthest);
    jdbc.sql("DROP TABLE IF EXISTS " + name).update(); // empty: no retention is that long

    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (Statement lock = other.createStatement()) {
        // What a long statement on the table holds (a search, an ANALYZE of the whole table).
        lock.execute("LOCK TABLE notification_personal_data IN ACCESS SHARE MODE");
      }
      // Returns while the lock is still held: it gave up instead of waiting for it.
      assertThat(partitions.createAheadHourly()).isFalse();
      assertThat(exists(name)).isFalse();
      other.rollback();
    }

    assertThat(partitions.createAheadHourly()).isTrue();
    assertThat(exists(name)).isTrue();
  }

  private boolean exists(String name) {
    return jdbc.sql("SELECT to_regclass(:name) IS NOT NULL")
        .param("name", name)
        .query(Boolean.class)
        .single();
  }
}
