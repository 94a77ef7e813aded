package dev.herald.bench;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pipeline benchmark's check that every notification it made reached the provider exactly once:
 * the provider took as many distinct notifications as were made, in as many calls, no other
 * provider took any, and the database records each as handed over by that provider.
 */
record ExactlyOnce(
    long made, String provider, long notifications, Map<String, Long> calls, long recorded) {

  static ExactlyOnce check(
      CountedProviders counted, String provider, long made, JdbcClient jdbc, UUID service) {
    return new ExactlyOnce(
        made,
        provider,
        counted.notifications(),
        counted.calls(),
        recorded(jdbc, service, provider));
  }

  /** The service's notifications the database records as handed over by {@code provider}. */
  static long recorded(JdbcClient jdbc, UUID service, String provider) {
    return jdbc.sql(
            """
            SELECT count(*) FROM notifications
             WHERE service_id = :service AND sent_by = :provider AND sent_at IS NOT NULL
            """)
        .param("service", service)
        .param("provider", provider)
        .query(Long.class)
        .single();
  }

  boolean holds() {
    long all = calls.values().stream().mapToLong(Long::longValue).sum();
    return notifications == made
        && calls.getOrDefault(provider, 0L) == made
        && all == made
        && recorded == made;
  }

  /** {@code exactly once, 1,000 made: bench-stub took 1,000 notifications in 1,000 calls; …}. */
  String line(String made) {
    long mine = calls.getOrDefault(provider, 0L);
    long others = calls.values().stream().mapToLong(Long::longValue).sum() - mine;
    return String.format(
        "exactly once, %,d %s: %s took %,d notifications in %,d calls (%,d repeats), other"
            + " providers %,d calls; recorded as handed over by %s: %,d — %s",
        this.made,
        made,
        provider,
        notifications,
        mine,
        mine - notifications,
        others,
        provider,
        recorded,
        holds() ? "holds" : "MISMATCH " + calls);
  }
}
