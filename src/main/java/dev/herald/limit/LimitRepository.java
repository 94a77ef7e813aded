package dev.herald.limit;

import dev.herald.support.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Atomic claims on the shared token buckets and daily counts. */
@Repository
class LimitRepository {

  private final JdbcClient jdbc;

  LimitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes {@code n} tokens from a bucket refilled at {@code perSecond} up to {@code capacity};
   * false, taking nothing, if it holds fewer.
   */
  boolean takeTokens(
      UUID serviceId, String keyType, int n, double capacity, double perSecond, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO rate_limit_buckets AS b (service_id, key_type, tokens, updated_at)
            SELECT :serviceId, :keyType, :capacity - :n, :now
             WHERE :n <= :capacity
            ON CONFLICT (service_id, key_type) DO UPDATE
               SET tokens = least(:capacity,
                                  b.tokens + greatest(0, extract(epoch FROM :now - b.updated_at)) * :perSecond) - :n,
                   updated_at = greatest(b.updated_at, :now)
             WHERE least(:capacity,
                         b.tokens + greatest(0, extract(epoch FROM :now - b.updated_at)) * :perSecond) >= :n
            RETURNING tokens
            """)
        .param("serviceId", serviceId)
        .param("keyType", keyType)
        .param("n", (double) n)
        .param("capacity", capacity)
        .param("perSecond", perSecond)
        .param("now", Sql.ts(now))
        .query(Double.class)
        .optional()
        .isPresent();
  }

  /**
   * Adds {@code n} to a daily count unless that would pass {@code limit}; the new count, or empty
   * if refused.
   */
  Optional<Long> claimDaily(UUID serviceId, String countType, LocalDate day, long n, long limit) {
    return jdbc.sql(
            """
            INSERT INTO daily_send_counts AS c (service_id, count_type, day, count)
            SELECT :serviceId, :countType, :day, :n
             WHERE :n <= :limit
            ON CONFLICT (service_id, count_type, day) DO UPDATE
               SET count = c.count + :n
             WHERE c.count + :n <= :limit
            RETURNING count
            """)
        .param("serviceId", serviceId)
        .param("countType", countType)
        .param("day", day)
        .param("n", n)
        .param("limit", limit)
        .query(Long.class)
        .optional();
  }

  /** Today's count of a type, 0 when nothing was counted. */
  long countDaily(UUID serviceId, String countType, LocalDate day) {
    return jdbc.sql(
            """
            SELECT count FROM daily_send_counts
             WHERE service_id = :serviceId AND count_type = :countType AND day = :day
            """)
        .param("serviceId", serviceId)
        .param("countType", countType)
        .param("day", day)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  /** Takes one back off a daily count, for a send counted but not stored. */
  void unclaimDaily(UUID serviceId, String countType, LocalDate day) {
    int updated =
        jdbc.sql(
                """
                UPDATE daily_send_counts
                   SET count = count - 1
                 WHERE service_id = :serviceId AND count_type = :countType AND day = :day
                   AND count > 0
                """)
            .param("serviceId", serviceId)
            .param("countType", countType)
            .param("day", day)
            .update();
    if (updated != 1) {
      throw new IllegalStateException(
          "expected one daily count to give a send back to, found " + updated + ": a bug");
    }
  }
}
