package dev.herald.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the planner statistics of the delivery path's tables up to date, every {@link #EVERY}: each
 * table or partition whose rows changed by more than 50 + 10 % since its last {@code ANALYZE} (the
 * rule of autovacuum's defaults) is analyzed, and so is each partitioned table whose partitions'
 * row count moved as far from its own, or that was never analyzed (autovacuum never analyzes one).
 * From 100,000 rows, only once they have changed by as many again: the planner scales a table's
 * rows by its pages, so growth alone does not mislead it, and an {@code ANALYZE} every 10 s of
 * tables a job was filling took a quarter of the database's time in storing it (bench job: 80 µs a
 * row of 338). Autovacuum still analyzes the partitions on its own rule.
 *
 * <p>Autovacuum looks at a database once a minute. Until then a table made and filled minutes ago
 * has no statistics: 100 ids of {@code notifications} were estimated at 3,330 of 20,000 rows (the
 * key is {@code (id, key_type)}, so nothing says an id is unique), the hand-over and the personal
 * data read ran as sequential scans, and pgjdbc's generic plans made while the tables were empty
 * stayed sequential scans until an {@code ANALYZE} (bench pipeline: 1,057 µs of PostgreSQL per
 * hand-over against 114; PlannerStatisticsTest). An {@code ANALYZE} also invalidates those plans.
 */
@Component
public class PlannerStatistics implements SmartInitializingSingleton {

  /** How often the statistics are checked: one read of the statistics views. */
  public static final String EVERY = "PT10S";

  private static final long LOCK_ID = 0x4845524c44414e4cL;
  private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

  /** The tables and partitions whose changes since their last ANALYZE passed autovacuum's rule. */
  private static final String STALE_TABLES =
      """
      SELECT c.oid::regclass::text
        FROM pg_class c
       WHERE c.relkind = 'r'
         AND (c.oid = 'delivery_queue'::regclass
              OR c.oid IN (SELECT inhrelid FROM pg_inherits
                            WHERE inhparent IN ('notifications'::regclass,
                                                'notification_personal_data'::regclass)))
         AND pg_stat_get_mod_since_analyze(c.oid)
             > 50 + CASE WHEN c.reltuples < 100000 THEN 0.1 ELSE 1 END * greatest(c.reltuples, 0)
      """;

  /** The partitioned tables never analyzed, or whose partitions' rows moved 50 + 10 % away. */
  private static final String STALE_PARENTS =
      """
      SELECT p.oid::regclass::text
        FROM pg_class p
       WHERE p.oid IN ('notifications'::regclass, 'notification_personal_data'::regclass)
         AND abs((SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)
                    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                   WHERE i.inhparent = p.oid) - greatest(p.reltuples, 0))
             > 50 + CASE WHEN p.reltuples < 100000 THEN 0.1 ELSE 1 END * greatest(p.reltuples, 0)
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public PlannerStatistics(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public void afterSingletonsInstantiated() {
    refresh();
  }

  /**
   * Analyzes what is out of date, partitions first; answers the tables analyzed. Each {@code
   * ANALYZE} is a transaction of its own, so that its lock on the table (and a parent's on every
   * partition it samples) is held for that table's time only: a partition being made or dropped
   * waits for one {@code ANALYZE} at most, and the sends queued behind it with it. One instance at
   * a time on each table. A table that cannot be locked at once is skipped until the next check
   * ({@code SKIP_LOCKED}): waiting would queue the sends behind a partition being made or dropped,
   * and would cancel an autovacuum of the table under way.
   */
  @Scheduled(fixedDelayString = EVERY, initialDelayString = EVERY)
  public List<String> refresh() {
    try {
      List<String> analyzed = new ArrayList<>();
      for (String table : jdbc.sql(STALE_TABLES).query(String.class).list()) {
        analyze(table).ifPresent(analyzed::add);
      }
      for (String parent : jdbc.sql(STALE_PARENTS).query(String.class).list()) {
        analyze(parent).ifPresent(analyzed::add);
      }
      if (!analyzed.isEmpty()) {
        log.debug("Analyzed {}", analyzed);
      }
      return analyzed;
    } catch (DataAccessException e) {
      log.warn("Planner statistics not refreshed: {}", e.getMostSpecificCause().getMessage());
      return List.of();
    }
  }

  /** Analyzes the table unless another instance is analyzing one now; answers it if analyzed. */
  private Optional<String> analyze(String table) {
    return Optional.ofNullable(
        tx.execute(
            status -> {
              boolean locked =
                  jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                      .param("lock", LOCK_ID)
                      .query(Boolean.class)
                      .single();
              if (!locked) {
                return null;
              }
              // Identifiers cannot be bound; these names come from pg_class (regclass::text quotes
              // them).
              jdbc.sql("ANALYZE (SKIP_LOCKED) " + table).update();
              return table;
            }));
  }
}
