package dev.herald.delivery;

import dev.herald.support.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves SMS traffic between providers as Notify does: away from a provider that is slow (at least
 * {@link #SLOW_SHARE} of its messages in the last 15 minutes not delivered within 5 minutes, and
 * only when some but not all providers are slow) or failing (more than {@link #ERROR_THRESHOLD}
 * hand-over errors in a minute), 10 points at a time with a guard window between changes, and back
 * towards the resting point every 5 minutes.
 */
@Component
class ProviderSwitching {

  static final double SLOW_SHARE = 0.15;
  static final Duration SLOW_AFTER = Duration.ofMinutes(5);
  static final Duration LOOK_BACK = Duration.ofMinutes(15);
  static final int STEP = 10;
  static final Duration GUARD = Duration.ofMinutes(10);
  static final int ERROR_THRESHOLD = 50;
  static final Duration ERROR_WINDOW = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(ProviderSwitching.class);

  private final JdbcClient jdbc;
  private final ProviderSettings settings;
  private final Clock clock;
  private final Map<String, Deque<Instant>> errors = new ConcurrentHashMap<>();

  ProviderSwitching(JdbcClient jdbc, ProviderSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  /** Checks the last 15 minutes of SMS and moves traffic from slow providers to the others. */
  void switchOnSlowDelivery() {
    Map<String, Integer> active = settings.smsPriorities();
    List<String> slow = slowProviders().stream().filter(active::containsKey).toList();
    if (slow.isEmpty() || slow.size() == active.size()) {
      return;
    }
    for (String provider : slow) {
      settings.adjust(
          provider,
          -STEP,
          GUARD,
          "slow delivery: at least 15% of SMS in the last 15 minutes took 5 minutes or more");
    }
    active.keySet().stream()
        .filter(p -> !slow.contains(p))
        .forEach(
            p ->
                settings.adjust(
                    p,
                    STEP,
                    GUARD,
                    "taking traffic from slow provider " + String.join(", ", slow)));
  }

  /** Moves every SMS provider one step back towards its resting point. */
  void tendBack() {
    settings
        .smsPriorities()
        .forEach(
            (provider, priority) -> {
              int rest = ProviderRegistry.RESTING_PRIORITY;
              if (priority != rest) {
                int step =
                    Integer.signum(rest - priority) * Math.min(STEP, Math.abs(rest - priority));
                settings.adjust(
                    provider,
                    step,
                    Duration.ofMinutes(5),
                    "tending back to the resting point " + rest);
              }
            });
  }

  /** Counts a hand-over error; past the threshold in a minute, lowers the provider's priority. */
  void recordError(String provider) {
    Instant now = clock.instant();
    Deque<Instant> recent = errors.computeIfAbsent(provider, p -> new ArrayDeque<>());
    int count;
    synchronized (recent) {
      recent.addLast(now);
      while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(ERROR_WINDOW))) {
        recent.removeFirst();
      }
      count = recent.size();
    }
    if (count > ERROR_THRESHOLD
        && settings.adjust(
            provider, -STEP, GUARD, "more than " + ERROR_THRESHOLD + " errors in 60 seconds")) {
      log.warn(
          "Lowered the priority of SMS provider {} after {} errors in a minute", provider, count);
    }
  }

  private List<String> slowProviders() {
    Instant now = clock.instant();
    return jdbc.sql(
            """
            SELECT sent_by
              FROM notifications
             WHERE notification_type = 'sms'
               AND sent_at IS NOT NULL
               AND sent_at >= :since
               AND sent_at < :slowBefore
               AND key_type <> 'test'
               AND sent_by IS NOT NULL
             GROUP BY sent_by
            HAVING count(*) FILTER (
                     WHERE (status IN ('sending', 'pending'))
                        OR (status = 'delivered' AND updated_at - sent_at >= make_interval(secs => :slowAfter)))
                   >= :share * count(*)
            """)
        .param("since", Sql.ts(now.minus(LOOK_BACK)))
        .param("slowBefore", Sql.ts(now.minus(SLOW_AFTER)))
        .param("slowAfter", (double) SLOW_AFTER.toSeconds())
        .param("share", SLOW_SHARE)
        .query(String.class)
        .list();
  }
}
