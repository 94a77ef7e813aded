package dev.herald.limit;

import dev.herald.api.ApiException;
import dev.herald.service.Service;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Notify's daily limits per service and type (a UTC day, as Notify's counters). Counts live in the
 * database, shared by every instance; an instance claims a few sends at a time, fewer as the limit
 * nears and one at a time at the end, so the limit holds exactly however many instances share it.
 * As Notify counts only what it stored, a send counted but then not stored is given back.
 */
@Component
public class DailyLimiter {

  static final long MAX_BATCH = 100;

  private record Key(UUID serviceId, String countType, LocalDate day) {}

  /** One send counted on its day, to {@link #giveBack} if it is not stored after all. */
  public record Taken(UUID serviceId, String countType, LocalDate day) {}

  private static final class Quota {
    final ReentrantLock lock = new ReentrantLock();
    long remaining;
    long lastKnownCount;
  }

  private final LimitRepository repository;
  private final Clock clock;
  private final ConcurrentHashMap<Key, Quota> quotas = new ConcurrentHashMap<>();

  DailyLimiter(LimitRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** Counts one send of this type (email, sms, letter, international_sms), or answers 429. */
  public Taken take(Service service, String countType) {
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Key key = new Key(service.id(), countType, day);
    quotas.keySet().removeIf(k -> k.day().isBefore(day));
    Quota quota = quotas.computeIfAbsent(key, k -> new Quota());
    long limit = limitOf(service, countType);
    quota.lock.lock();
    try {
      Taken taken = new Taken(service.id(), countType, day);
      if (quota.remaining > 0) {
        quota.remaining--;
        return taken;
      }
      long batch = Math.max(1, Math.min(MAX_BATCH, (limit - quota.lastKnownCount) / 10));
      var claimed = repository.claimDaily(service.id(), countType, day, batch, limit);
      if (claimed.isEmpty() && batch > 1) {
        batch = 1;
        claimed = repository.claimDaily(service.id(), countType, day, 1, limit);
      }
      if (claimed.isEmpty()) {
        quota.lastKnownCount = limit;
        throw new ApiException(
            429,
            "TooManyRequestsError",
            "Exceeded send limits (" + countType + ": " + limit + ") for today");
      }
      quota.lastKnownCount = claimed.get();
      quota.remaining = batch - 1;
      return taken;
    } finally {
      quota.lock.unlock();
    }
  }

  /**
   * Takes a counted send off its day's count: it failed before it was stored. The count itself is
   * lowered (not this instance's claimed batch), so that it holds across instances and midnight.
   */
  public void giveBack(Taken taken) {
    repository.unclaimDaily(taken.serviceId(), taken.countType(), taken.day());
  }

  /**
   * How many more of this type the service may send today: its limit less today's count (which
   * includes the sends instances have claimed but not yet used, so it may read a few low).
   */
  public long remaining(Service service, String countType) {
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    long limit = limitOf(service, countType);
    return Math.max(0, limit - repository.countDaily(service.id(), countType, day));
  }

  /**
   * Counts {@code n} sends at once (a job's rows), in the caller's transaction, if they all fit
   * today's limit; false, counting none, if they do not.
   */
  public boolean takeAll(Service service, String countType, long n) {
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return repository
        .claimDaily(service.id(), countType, day, n, limitOf(service, countType))
        .isPresent();
  }

  private static long limitOf(Service service, String countType) {
    return switch (countType) {
      case "email" -> service.emailMessageLimit();
      case "sms" -> service.smsMessageLimit();
      case "letter" -> service.letterMessageLimit();
      case "international_sms" -> service.internationalSmsMessageLimit();
      default -> throw new IllegalArgumentException("Unknown count type " + countType);
    };
  }
}
