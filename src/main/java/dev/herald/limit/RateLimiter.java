package dev.herald.limit;

import dev.herald.api.ApiException;
import dev.herald.auth.KeyType;
import dev.herald.service.Service;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Notify's per-minute limit: a token bucket per service and key type, refilled at {@code
 * rate_limit/60} per second, holding at most {@code min(ceil(rate_limit/3)+1, 1000)}. The bucket
 * lives in the database so every instance shares it; each instance takes tokens in small batches
 * (never more than a twentieth of the bucket, kept for at most {@link #BATCH_LIFETIME}) so that a
 * busy service costs a database round trip per batch rather than per request.
 */
@Component
public class RateLimiter {

  static final Duration BATCH_LIFETIME = Duration.ofSeconds(1);

  private record Key(UUID serviceId, KeyType keyType) {}

  private static final class Allowance {
    final ReentrantLock lock = new ReentrantLock();
    int tokens;
    int nextBatch = 1;
    Instant claimedAt = Instant.EPOCH;
  }

  private final LimitRepository repository;
  private final Clock clock;
  private final ConcurrentHashMap<Key, Allowance> allowances = new ConcurrentHashMap<>();

  RateLimiter(LimitRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** Takes one request from the service's allowance, or answers 429 RateLimitError. */
  public void take(Service service, KeyType keyType) {
    Allowance allowance =
        allowances.computeIfAbsent(new Key(service.id(), keyType), k -> new Allowance());
    allowance.lock.lock();
    try {
      Instant now = clock.instant();
      if (allowance.tokens > 0 && !now.isAfter(allowance.claimedAt.plus(BATCH_LIFETIME))) {
        allowance.tokens--;
        return;
      }
      if (allowance.tokens > 0) {
        allowance.nextBatch = Math.max(1, allowance.nextBatch / 2);
      }
      allowance.tokens = 0;
      claim(service, keyType, allowance, now);
    } finally {
      allowance.lock.unlock();
    }
  }

  private void claim(Service service, KeyType keyType, Allowance allowance, Instant now) {
    double capacity = Math.min(Math.ceil(service.rateLimit() / 3.0) + 1, 1000);
    double perSecond = service.rateLimit() / 60.0;
    int maxBatch = Math.max(1, (int) (capacity / 20));
    int batch = Math.min(allowance.nextBatch, maxBatch);
    if (take(service, keyType, batch, capacity, perSecond, now)) {
      allowance.tokens = batch - 1;
      allowance.claimedAt = now;
      allowance.nextBatch = Math.min(maxBatch, batch * 2);
      return;
    }
    allowance.nextBatch = 1;
    if (batch > 1 && take(service, keyType, 1, capacity, perSecond, now)) {
      allowance.claimedAt = now;
      return;
    }
    throw new ApiException(
        429,
        "RateLimitError",
        "Exceeded rate limit for key type "
            + keyType.label()
            + " of "
            + service.rateLimit()
            + " requests per 60 seconds");
  }

  private boolean take(
      Service s, KeyType k, int n, double capacity, double perSecond, Instant now) {
    return repository.takeTokens(s.id(), k.value(), n, capacity, perSecond, now);
  }
}
