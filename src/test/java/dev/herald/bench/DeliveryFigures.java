package dev.herald.bench;

import dev.herald.support.Sql;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What became of the notifications a service created from {@code since}, read back from the
 * database: how many, how many handed over (by {@code until} and in all), and created → sending
 * latency from {@code created_at} and {@code sent_at}.
 */
record DeliveryFigures(
    long created,
    long handedOver,
    long handedOverByEnd,
    long within10s,
    double p50Millis,
    double p99Millis,
    double maxMillis,
    Instant lastSent) {

  static DeliveryFigures read(JdbcClient jdbc, UUID service, Instant since, Instant until) {
    return jdbc.sql(
            """
            SELECT count(*) AS created,
                   count(sent_at) AS handed_over,
                   count(*) FILTER (WHERE sent_at <= :until) AS handed_over_by_end,
                   count(*) FILTER (WHERE sent_at - created_at <= interval '10 seconds') AS within,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_ms) AS p50,
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY wait_ms) AS p99,
                   max(wait_ms) AS slowest,
                   max(sent_at) AS last_sent
              FROM notifications,
                   LATERAL (SELECT CAST(1000 * extract(epoch FROM sent_at - created_at)
                                        AS double precision) AS wait_ms) AS w
             WHERE service_id = :service AND created_at >= :since
            """)
        .param("service", service)
        .param("since", Sql.ts(since))
        .param("until", Sql.ts(until))
        .query(
            (rs, row) ->
                new DeliveryFigures(
                    rs.getLong("created"),
                    rs.getLong("handed_over"),
                    rs.getLong("handed_over_by_end"),
                    rs.getLong("within"),
                    rs.getDouble("p50"),
                    rs.getDouble("p99"),
                    rs.getDouble("slowest"),
                    Sql.instant(rs, "last_sent")))
        .single();
  }

  double percentWithin10s() {
    return created == 0 ? Double.NaN : 100.0 * within10s / created;
  }
}
